import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A UUID's 36-character text, as `UUID.uuidString` writes it (upper case), read back in either case.
/// Foundation goes through C's `snprintf` and `sscanf` for these, which cost more than a whole item's other
/// attributes.
enum UUIDText {
  /// The bytes of the UUID that a dash stands before.
  private static let dashedBytes = [4, 6, 8, 10]

  static func format(_ id: UUID) -> String {
    withUnsafeBytes(of: id.uuid) { bytes in
      String(unsafeUninitializedCapacity: 36) { out in
        var index = 0
        for (position, byte) in bytes.enumerated() {
          if dashedBytes.contains(position) {
            out[index] = UInt8(ascii: "-")
            index += 1
          }
          out[index] = HexDigits.digit(byte >> 4, uppercase: true)
          out[index + 1] = HexDigits.digit(byte, uppercase: true)
          index += 2
        }
        return index
      }
    }
  }

  /// The UUID of `8-4-4-4-12` hex digits with dashes; nil for anything else.
  static func parse(_ text: String) -> UUID? {
    var text = text
    return text.withUTF8 { chars -> UUID? in
      guard chars.count == 36 else { return nil }
      var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
      let parsed = withUnsafeMutableBytes(of: &uuid) { out -> Bool in
        var cursor = 0
        for index in out.indices {
          if dashedBytes.contains(index) {
            guard chars[cursor] == UInt8(ascii: "-") else { return false }
            cursor += 1
          }
          guard let high = HexDigits.value(of: chars[cursor]), let low = HexDigits.value(of: chars[cursor + 1]) else {
            return false
          }
          out[index] = high << 4 | low
          cursor += 2
        }
        return true
      }
      return parsed ? UUID(uuid: uuid) : nil
    }
  }
}
