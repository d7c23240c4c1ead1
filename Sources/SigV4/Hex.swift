import Crypto

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

enum Hex {
  private static let digits = Array("0123456789abcdef".utf8)

  /// Lower-case hex of bytes, as SigV4 prints hashes and signatures.
  static func encode(_ bytes: some ContiguousBytes) -> String {
    bytes.withUnsafeBytes { raw in
      String(unsafeUninitializedCapacity: 2 * raw.count) { out in
        for (index, byte) in raw.enumerated() {
          out[2 * index] = digits[Int(byte >> 4)]
          out[2 * index + 1] = digits[Int(byte & 0x0F)]
        }
        return 2 * raw.count
      }
    }
  }

  static func sha256(_ bytes: [UInt8]) -> String {
    encode(SHA256.hash(data: bytes))
  }

  /// SHA-256 of a string's UTF-8 bytes, hashed where they are.
  static func sha256(_ text: String) -> String {
    var text = text
    return text.withUTF8 { encode(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
  }
}
