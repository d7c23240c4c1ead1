/// Formats durations as milliseconds with two decimals, e.g. `3.21`.
package enum MillisecondsText {
  package static func format(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let hundredths = seconds * 100_000 + (attoseconds + 5_000_000_000_000) / 10_000_000_000_000
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100)." + (fraction.count < 2 ? "0" + fraction : fraction)
  }
}
