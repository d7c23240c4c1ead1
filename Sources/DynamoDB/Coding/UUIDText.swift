#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A UUID's 36-character text, as `UUID.uuidString` writes it (upper case), read back in either case.
/// Foundation goes through C's `snprintf` and `sscanf` for these, which cost more than a whole item's other
/// attributes.
enum UUIDText {
  private static let digits = Array("0123456789ABCDEF".utf8)
  /// Where the dashes stand in the text, and before which byte of the UUID.
  private static let dashPositions = [8, 13, 18, 23]
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
          out[index] = digits[Int(byte >> 4)]
          out[index + 1] = digits[Int(byte & 0x0F)]
          index += 2
        }
        return index
      }
    }
  }

  /// The UUID of `8-4-4-4-12` hex digits with dashes; nil for anything else.
  static func parse(_ text: String) -> UUID? {
    let utf8 = text.utf8
    guard utf8.count == 36 else { return nil }
    var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    let parsed = withUnsafeMutableBytes(of: &uuid) { out -> Bool in
      var count = 0
      var high: UInt8?
      for (position, byte) in utf8.enumerated() {
        if dashPositions.contains(position) {
          guard byte == UInt8(ascii: "-") else { return false }
          continue
        }
        guard let nibble = hexValue(byte) else { return false }
        if let pending = high {
          out[count] = pending << 4 | nibble
          count += 1
          high = nil
        } else {
          high = nibble
        }
      }
      return true
    }
    return parsed ? UUID(uuid: uuid) : nil
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    default: nil
    }
  }
}
