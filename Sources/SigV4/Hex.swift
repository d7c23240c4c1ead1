import Crypto

enum Hex {
  private static let digits = Array("0123456789abcdef".utf8)

  /// Lower-case hex of a byte sequence, as SigV4 prints hashes and signatures.
  static func encode(_ bytes: some Sequence<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(2 * SHA256.byteCount)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func sha256(_ bytes: [UInt8]) -> String {
    encode(SHA256.hash(data: bytes))
  }
}
