import SharedSupport

/// The entries table's sort key: `<ISO-8601 UTC with milliseconds>#<8 lowercase hex digits>`.
///
/// The time prefix is fixed-width, so string order is time order and a date range is a `BETWEEN` on the key.
/// The random suffix makes the key unique per user even for entries in the same millisecond (writes are also
/// conditional on `attribute_not_exists`, and retried with a fresh suffix on the rare collision). In a URL the
/// `#` must be sent as `%23`.
package struct EntrySortKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// When the activity happened.
  package let time: Timestamp
  package let suffix: String

  static let separator: Character = "#"
  static let suffixLength = 8

  /// A new key for `time` with a random suffix.
  package init(time: Timestamp) {
    self.init(time: time, suffix: HexDigits.padded(UInt64(UInt32.random(in: .min ... .max)), width: Self.suffixLength))
  }

  init(time: Timestamp, suffix: String) {
    self.time = time
    self.suffix = suffix
  }

  /// Parses a key produced by `description`; nil if malformed.
  package init?(_ text: String) {
    guard let hash = text.firstIndex(of: Self.separator) else { return nil }
    let suffix = text[text.index(after: hash)...]
    guard let time = Timestamp(iso8601: String(text[..<hash])), time.iso8601 == text[..<hash],
      suffix.count == Self.suffixLength, suffix.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
    else { return nil }
    self.init(time: time, suffix: String(suffix))
  }

  package var description: String { time.iso8601 + String(Self.separator) + suffix }

  /// The smallest key string at or after `time` (lower bound of a `BETWEEN`).
  package static func lowerBound(_ time: Timestamp) -> String { time.iso8601 }

  /// The largest key string at `time` (upper bound of a `BETWEEN`): `~` sorts after every hex digit.
  package static func upperBound(_ time: Timestamp) -> String { time.iso8601 + String(separator) + "~" }

  package static func < (lhs: EntrySortKey, rhs: EntrySortKey) -> Bool {
    lhs.description < rhs.description
  }
}
