import Crypto
import Synchronization

/// Derived signing keys by (secret, date, region, service): one derivation (four HMACs) per day, not per request.
final class SigningKeyCache: Sendable {
  private struct Key: Hashable {
    let secret: String
    let dateStamp: String
    let region: String
    let service: String
  }

  private static let capacity = 16
  /// Each key as an HMAC already keyed: keying hashes two padded blocks and allocates, which every request would
  /// otherwise repeat for the same key.
  private let keys = Mutex<[Key: HMAC<SHA256>]>([:])

  /// An HMAC-SHA256 keyed with the derived signing key, ready for the string to sign.
  func keyedMAC(secret: String, dateStamp: String, region: String, service: String) -> HMAC<SHA256> {
    let key = Key(secret: secret, dateStamp: dateStamp, region: region, service: service)
    if let cached = keys.withLock({ $0[key] }) { return cached }
    let mac = HMAC<SHA256>(key: Self.derive(secret: secret, dateStamp: dateStamp, region: region, service: service))
    keys.withLock { cache in
      if cache.count >= Self.capacity { cache.removeAll(keepingCapacity: true) }
      cache[key] = mac
    }
    return mac
  }

  static func derive(secret: String, dateStamp: String, region: String, service: String) -> SymmetricKey {
    var key = SymmetricKey(data: Array("AWS4\(secret)".utf8))
    for part in [dateStamp, region, service, "aws4_request"] {
      key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
    }
    return key
  }
}
