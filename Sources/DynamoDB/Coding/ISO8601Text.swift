import SharedSupport

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

  /// Keeps every fraction digit a `Date` can hold; whole milliseconds convert exactly as `format` wrote them.
  static func parse(_ text: String) -> Date? {
    guard let (seconds, nanoseconds) = ISO8601Instant.instant(from: text) else { return nil }
    if nanoseconds % 1_000_000 == 0 {
      return Date(timeIntervalSince1970: Double(seconds * 1000 + nanoseconds / 1_000_000) / 1000)
    }
    return Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1_000_000_000)
  }
}
