import CivilCalendar

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `Date` ⇄ ISO-8601 text such as `2026-11-26T17:00:00.123Z` (see `ISO8601Instant` for the shapes read).
enum ISO8601Text {
  /// UTC text rounded to the nearest millisecond.
  static func format(_ date: Date) -> String {
    ISO8601Instant.text(millisecondsSinceEpoch: Int64((date.timeIntervalSince1970 * 1000).rounded()))
  }

  static func parse(_ text: String) -> Date? {
    ISO8601Instant.milliseconds(from: text).map { Date(timeIntervalSince1970: Double($0) / 1000) }
  }
}
