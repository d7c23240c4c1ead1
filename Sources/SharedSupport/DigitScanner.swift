/// A cursor over ASCII bytes used by the hand-written ISO-8601 parsers.
package struct DigitScanner {
  private let bytes: [UInt8]
  private var index = 0

  package init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  package var isAtEnd: Bool { index == bytes.count }

  /// Consumes `byte` if it is next.
  package mutating func consume(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  /// Reads exactly `digits` decimal digits.
  package mutating func number(digits: Int) -> Int64? {
    guard index + digits <= bytes.count else { return nil }
    var value: Int64 = 0
    for byte in bytes[index..<index + digits] {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int64(byte - UInt8(ascii: "0"))
    }
    index += digits
    return value
  }

  /// Reads one or more fraction digits and returns the units of 10^-`precision` they denote (extra digits
  /// truncated): `precision` 3 gives milliseconds, 9 nanoseconds.
  package mutating func fraction(precision: Int) -> Int64? {
    var value: Int64 = 0
    var count = 0
    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
      if count < precision { value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
      count += 1
      index += 1
    }
    guard count > 0 else { return nil }
    for _ in count..<max(count, precision) { value *= 10 }
    return value
  }

  /// Reads `Z` or `±HH:MM` and returns the offset east of UTC in minutes.
  package mutating func utcOffsetMinutes() -> Int64? {
    if consume(UInt8(ascii: "Z")) || consume(UInt8(ascii: "z")) { return 0 }
    let sign: Int64
    if consume(UInt8(ascii: "+")) {
      sign = 1
    } else if consume(UInt8(ascii: "-")) {
      sign = -1
    } else {
      return nil
    }
    guard let hours = number(digits: 2), hours < 24, consume(UInt8(ascii: ":")),
      let minutes = number(digits: 2), minutes < 60
    else { return nil }
    return sign * (hours * 60 + minutes)
  }
}
