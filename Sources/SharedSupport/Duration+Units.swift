/// A `Duration` in the units the wire formats and reports use. Swift's `Duration` is seconds plus attoseconds;
/// these are the only places that take it apart, so rounding and overflow are decided once.
extension Duration {
  /// Whole nanoseconds, rounded toward zero and saturating at `Int64.max` (or `.min`).
  package var wholeNanoseconds: Int64 {
    let (seconds, attoseconds) = components
    let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    guard !overflow else { return seconds < 0 ? .min : .max }
    let (sum, sumOverflow) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
    return sumOverflow ? (attoseconds < 0 ? .min : .max) : sum
  }

  /// Whole milliseconds, rounded toward zero (or up, with `roundingUp`, as Lambda bills) and saturating.
  package func wholeMilliseconds(roundingUp: Bool = false) -> Int64 {
    let (seconds, attoseconds) = components
    let perMillisecond: Int64 = 1_000_000_000_000_000
    let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1000)
    guard !overflow else { return seconds < 0 ? .min : .max }
    let fraction =
      roundingUp && attoseconds > 0 ? (attoseconds + perMillisecond - 1) / perMillisecond : attoseconds / perMillisecond
    let (sum, sumOverflow) = scaled.addingReportingOverflow(fraction)
    return sumOverflow ? (fraction < 0 ? .min : .max) : sum
  }

  /// Milliseconds with their fraction, for figures and reports.
  package var milliseconds: Double {
    Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
  }

  /// Seconds with their fraction.
  package var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }

  /// Milliseconds with two decimals, as Lambda's REPORT lines print them: `3.21`. Durations past 2^63 hundredths of a
  /// millisecond print as that many.
  package var millisecondsText: String {
    let (seconds, attoseconds) = components
    let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 100_000)
    let (sum, sumOverflow) = scaled.addingReportingOverflow((attoseconds + 5_000_000_000_000) / 10_000_000_000_000)
    let hundredths = overflow || sumOverflow ? (seconds < 0 ? Int64.min + 1 : .max) : sum
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100)." + (fraction.count < 2 ? "0" + fraction : fraction)
  }
}
