/// Fixed-width decimal fields of date and time text (`2026`, `07`, `045`).
package enum ZeroPadded {
  /// Appends the last `width` decimal digits of a non-negative `value`, zero-padded.
  package static func append(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
    var divisor: Int64 = 1
    for _ in 1..<width { divisor *= 10 }
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
      divisor /= 10
    }
  }

  /// `value` as text of at least `width` digits.
  package static func string(_ value: Int64, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
