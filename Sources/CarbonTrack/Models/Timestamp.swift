import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A UTC instant with millisecond precision, written as ISO-8601 `YYYY-MM-DDTHH:MM:SS.mmmZ`.
///
/// Parsing and formatting are done by hand so that the format is fixed (always 24 characters, which keeps
/// lexicographic order equal to time order for DynamoDB sort keys) and no calendar machinery is loaded.
package struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01T00:00:00Z.
  package let millisecondsSinceEpoch: Int64

  /// The earliest instant accepted anywhere in the API (2000-01-01T00:00:00Z).
  package static let earliestAccepted = Timestamp(millisecondsSinceEpoch: 946_684_800_000)
  /// The latest instant that still formats as a four-digit year (9999-12-31T23:59:59.999Z).
  package static let latestRepresentable = Timestamp(millisecondsSinceEpoch: 253_402_300_799_999)

  /// Creates a timestamp from milliseconds since the Unix epoch.
  package init(millisecondsSinceEpoch: Int64) {
    self.millisecondsSinceEpoch = millisecondsSinceEpoch
  }

  /// The current time, truncated to milliseconds.
  package static func now() -> Timestamp {
    Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
  }

  /// The UTC calendar day this instant falls on.
  package var day: CivilDay {
    CivilDay(daysSinceEpoch: ISO8601Instant.floorDivide(millisecondsSinceEpoch, Self.millisPerDay))
  }

  /// The first millisecond of `day`.
  package init(startOf day: CivilDay) {
    self.init(millisecondsSinceEpoch: day.daysSinceEpoch * Self.millisPerDay)
  }

  /// The last millisecond of `day`.
  package init(endOf day: CivilDay) {
    self.init(millisecondsSinceEpoch: (day.daysSinceEpoch + 1) * Self.millisPerDay - 1)
  }

  /// Returns this instant moved by a number of milliseconds.
  package func adding(milliseconds: Int64) -> Timestamp {
    Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
  }

  /// The canonical text form, e.g. `2026-11-26T17:24:45.123Z`.
  package var iso8601: String { ISO8601Instant.text(millisecondsSinceEpoch: millisecondsSinceEpoch) }

  package var description: String { iso8601 }

  /// Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM`.
  /// Fractions beyond milliseconds are truncated. Returns nil for anything else.
  package init?(iso8601 text: String) {
    guard let milliseconds = ISO8601Instant.milliseconds(from: text) else { return nil }
    self.init(millisecondsSinceEpoch: milliseconds)
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let parsed = Timestamp(iso8601: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected an ISO-8601 UTC timestamp such as 2026-01-31T12:00:00.000Z")
    }
    self = parsed
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso8601)
  }

  package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
  }

  static let millisPerDay: Int64 = 86_400_000
}
