#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How every response is encoded: stable (sorted keys) and compact.
enum JSONCoding {
  static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// `SortedJSONEncoder`'s bytes, or `JSONEncoder`'s for what it leaves to it (which then decides on errors too).
  static func encode(_ value: some Encodable) throws(CarbonTrackError) -> [UInt8] {
    if let bytes = try? SortedJSONEncoder.encode(value) { return bytes }
    do {
      return Array(try encoder.encode(value))
    } catch {
      throw .invalidEvent("The result could not be encoded as JSON: \(error)")
    }
  }
}
