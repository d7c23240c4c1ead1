#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The ISO-8601 formats used for dates.
enum ISO8601Text {
  static let withFractionalSeconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
  static let plain = Date.ISO8601FormatStyle()

  /// `2026-11-26T17:00:00.123Z`, rounded to the nearest millisecond (the format style truncates, and a binary
  /// `Date` just below `.123` would otherwise print as `.122`).
  static func format(_ date: Date) -> String {
    let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
    return Date(timeIntervalSince1970: milliseconds / 1000 + 0.000_000_5).formatted(withFractionalSeconds)
  }

  /// Parses ISO-8601 text with or without fractional seconds.
  static func parse(_ text: String) -> Date? {
    if let date = try? withFractionalSeconds.parse(text) { return date }
    return try? plain.parse(text)
  }
}
