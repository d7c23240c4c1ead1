#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A UTC instant with millisecond precision, written as ISO-8601 `YYYY-MM-DDTHH:MM:SS.mmmZ`.
///
/// Parsing and formatting are done by hand so that the format is fixed (always 24 characters, which keeps
/// lexicographic order equal to time order for DynamoDB sort keys) and no calendar machinery is loaded.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01T00:00:00Z.
  public let millisecondsSinceEpoch: Int64

  /// The earliest instant accepted anywhere in the API (2000-01-01T00:00:00Z).
  public static let earliestAccepted = Timestamp(millisecondsSinceEpoch: 946_684_800_000)
  /// The latest instant that still formats as a four-digit year (9999-12-31T23:59:59.999Z).
  public static let latestRepresentable = Timestamp(millisecondsSinceEpoch: 253_402_300_799_999)

  /// Creates a timestamp from milliseconds since the Unix epoch.
  public init(millisecondsSinceEpoch: Int64) {
    self.millisecondsSinceEpoch = millisecondsSinceEpoch
  }

  /// The current time, truncated to milliseconds.
  public static func now() -> Timestamp {
    Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
  }

  /// The UTC calendar day this instant falls on.
  public var day: CivilDate { CivilDate(daysSinceEpoch: Self.floorDiv(millisecondsSinceEpoch, Self.millisPerDay)) }

  /// The first millisecond of `day`.
  public init(startOf day: CivilDate) {
    self.init(millisecondsSinceEpoch: day.daysSinceEpoch * Self.millisPerDay)
  }

  /// The last millisecond of `day`.
  public init(endOf day: CivilDate) {
    self.init(millisecondsSinceEpoch: (day.daysSinceEpoch + 1) * Self.millisPerDay - 1)
  }

  /// Returns this instant moved by a number of milliseconds.
  public func adding(milliseconds: Int64) -> Timestamp {
    Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
  }

  /// The canonical text form, e.g. `2026-11-26T17:24:45.123Z`.
  public var iso8601: String {
    let ms = Self.floorMod(millisecondsSinceEpoch, Self.millisPerDay)
    let date = day
    return date.iso8601 + "T" + Self.pad(ms / 3_600_000, 2) + ":" + Self.pad(ms / 60_000 % 60, 2) + ":"
      + Self.pad(ms / 1000 % 60, 2) + "." + Self.pad(ms % 1000, 3) + "Z"
  }

  public var description: String { iso8601 }

  /// Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM`.
  /// Fractions beyond milliseconds are truncated. Returns nil for anything else.
  public init?(iso8601 text: String) {
    var scanner = DigitScanner(Array(text.utf8))
    guard let date = CivilDate(scanning: &scanner) else { return nil }
    var millis = date.daysSinceEpoch * Self.millisPerDay
    if scanner.isAtEnd {
      self.init(millisecondsSinceEpoch: millis)
      return
    }
    guard scanner.consume(UInt8(ascii: "T")) || scanner.consume(UInt8(ascii: "t")),
      let hour = scanner.number(digits: 2), hour < 24, scanner.consume(UInt8(ascii: ":")),
      let minute = scanner.number(digits: 2), minute < 60
    else { return nil }
    var second: Int64 = 0
    var fractionMillis: Int64 = 0
    if scanner.consume(UInt8(ascii: ":")) {
      guard let parsed = scanner.number(digits: 2), parsed < 60 else { return nil }
      second = parsed
      if scanner.consume(UInt8(ascii: ".")) {
        guard let fraction = scanner.fractionMilliseconds() else { return nil }
        fractionMillis = fraction
      }
    }
    guard let offsetMinutes = scanner.utcOffsetMinutes(), scanner.isAtEnd else { return nil }
    millis += ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + fractionMillis
    self.init(millisecondsSinceEpoch: millis)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let parsed = Timestamp(iso8601: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected an ISO-8601 UTC timestamp such as 2026-01-31T12:00:00.000Z")
    }
    self = parsed
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso8601)
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
  }

  static let millisPerDay: Int64 = 86_400_000

  static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }

  static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
    a - floorDiv(a, b) * b
  }

  static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
