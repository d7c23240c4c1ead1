import Crypto
import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// SHA-256 digests in the lower-case hex SigV4 prints them in.
enum Hex {
  /// Lower-case hex of bytes, as SigV4 prints hashes and signatures.
  static func encode(_ bytes: some ContiguousBytes) -> String {
    bytes.withUnsafeBytes(HexDigits.encode)
  }

  static func sha256(_ bytes: [UInt8]) -> String {
    encode(SHA256.hash(data: bytes))
  }
}
