#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The JSON encoder settings used for every response, so output is stable (sorted keys) and compact.
enum JSONCoding {
  static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  static func encode(_ value: some Encodable) throws(CarbonTrackError) -> [UInt8] {
    do {
      return Array(try encoder.encode(value))
    } catch {
      throw .invalidEvent("The result could not be encoded as JSON: \(error)")
    }
  }
}
