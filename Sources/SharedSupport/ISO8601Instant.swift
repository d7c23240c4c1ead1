#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Instants as ISO-8601 / RFC 3339 text, in milliseconds since 1970-01-01T00:00:00Z, without Foundation's
/// calendar and time-zone machinery.
package enum ISO8601Instant {
  static let millisecondsPerDay: Int64 = 86_400_000

  /// `YYYY-MM-DDTHH:MM:SS.mmmZ`: always 24 characters for years 0000–9999, so text order is time order.
  package static func text(millisecondsSinceEpoch milliseconds: Int64) -> String {
    let days = floorDivide(milliseconds, millisecondsPerDay)
    let ms = milliseconds - days * millisecondsPerDay
    let civil = CivilDay(daysSinceEpoch: days)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    ZeroPadded.append(civil.year, width: 4, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    ZeroPadded.append(civil.month, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    ZeroPadded.append(civil.day, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "T"))
    ZeroPadded.append(ms / 3_600_000, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    ZeroPadded.append(ms / 60_000 % 60, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    ZeroPadded.append(ms / 1000 % 60, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    ZeroPadded.append(ms % 1000, width: 3, to: &bytes)
    bytes.append(UInt8(ascii: "Z"))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM`
  /// (RFC 3339 and the ISO-8601 shapes AWS services write). Fractions beyond milliseconds are truncated.
  package static func milliseconds(from text: String) -> Int64? {
    instant(from: text).map { $0.secondsSinceEpoch * 1000 + $0.nanoseconds / 1_000_000 }
  }

  /// The same shapes as `milliseconds(from:)`, to the nanosecond: whole seconds since the epoch (rounded down)
  /// and the nanoseconds after them (0 ..< 10^9).
  package static func instant(from text: String) -> (secondsSinceEpoch: Int64, nanoseconds: Int64)? {
    var scanner = DigitScanner(Array(text.utf8))
    guard let days = day(scanning: &scanner) else { return nil }
    let midnight = days * 86_400
    if scanner.isAtEnd { return (midnight, 0) }
    guard scanner.consume(UInt8(ascii: "T")) || scanner.consume(UInt8(ascii: "t")),
      let hour = scanner.number(digits: 2), hour < 24, scanner.consume(UInt8(ascii: ":")),
      let minute = scanner.number(digits: 2), minute < 60
    else { return nil }
    var second: Int64 = 0
    var nanoseconds: Int64 = 0
    if scanner.consume(UInt8(ascii: ":")) {
      guard let parsed = scanner.number(digits: 2), parsed < 60 else { return nil }
      second = parsed
      if scanner.consume(UInt8(ascii: ".")) {
        guard let fraction = scanner.fraction(precision: 9) else { return nil }
        nanoseconds = fraction
      }
    }
    guard let offsetMinutes = scanner.utcOffsetMinutes(), scanner.isAtEnd else { return nil }
    return (midnight + (hour * 60 + minute - offsetMinutes) * 60 + second, nanoseconds)
  }

  /// Days since the epoch of a valid `YYYY-MM-DD` at the scanner's position.
  package static func day(scanning scanner: inout DigitScanner) -> Int64? {
    guard let year = scanner.number(digits: 4), scanner.consume(UInt8(ascii: "-")),
      let month = scanner.number(digits: 2), scanner.consume(UInt8(ascii: "-")),
      let day = scanner.number(digits: 2), (1...12).contains(month), day >= 1,
      day <= CivilDay.daysIn(month: month, year: year)
    else { return nil }
    return CivilDay(uncheckedYear: year, month: month, day: day).daysSinceEpoch
  }

  /// Division rounding toward negative infinity, so instants before 1970 fall on the right day.
  package static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
  }

  /// The wall clock's current instant as `text(millisecondsSinceEpoch:)` writes it, as log lines carry it.
  package static func now() -> String {
    text(millisecondsSinceEpoch: WallClock.nowMilliseconds())
  }

  /// `date` as UTC text, rounded to the nearest millisecond.
  package static func text(of date: Date) -> String {
    text(millisecondsSinceEpoch: Int64((date.timeIntervalSince1970 * 1000).rounded()))
  }

  /// The `Date` of the shapes `instant(from:)` reads, keeping every fraction digit a `Date` can hold; whole
  /// milliseconds convert exactly as `text(of:)` wrote them.
  package static func date(from text: String) -> Date? {
    guard let (seconds, nanoseconds) = instant(from: text) else { return nil }
    if nanoseconds % 1_000_000 == 0 {
      return Date(timeIntervalSince1970: Double(seconds * 1000 + nanoseconds / 1_000_000) / 1000)
    }
    return Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1_000_000_000)
  }
}
