#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The ISO-8601 formats used for dates.
enum ISO8601Text {
  static let withFractionalSeconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
  static let plain = Date.ISO8601FormatStyle()

  /// Parses ISO-8601 text with or without fractional seconds.
  static func parse(_ text: String) -> Date? {
    if let date = try? withFractionalSeconds.parse(text) { return date }
    return try? plain.parse(text)
  }
}
