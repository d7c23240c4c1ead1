import Crypto
import DynamoDB

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The stored answer to a write sent with an `Idempotency-Key`, so that repeating the request (same key, same
/// request) within a day returns the first answer instead of writing again.
///
/// It is an item of the entries table (the schema keeps its four tables): sort key `idempotency#` plus the
/// SHA-256 of the key, so any key length fits and no key can look like an entry; it sorts after every entry key
/// (which start with a year) and so never falls inside an entry query. DynamoDB's TTL removes it after
/// `expiresAt` (TTL deletes lazily, so readers also ignore expired records).
struct IdempotencyRecord: Sendable, Equatable {
  static let sortKeyPrefix = "idempotency#"
  /// How long a key is remembered.
  static let lifetimeSeconds: Int64 = 86_400

  var userId: String
  var keyHash: String
  /// SHA-256 of what was asked (operation, resource and body): the same key with another request is refused.
  var requestHash: String
  var statusCode: Int
  var body: [UInt8]
  /// Epoch seconds; the entries table's TTL attribute.
  var expiresAt: Int64

  var sortKey: String { Self.sortKeyPrefix + keyHash }

  /// The hash under which `key` is stored.
  static func hash(_ bytes: some Sequence<UInt8>) -> String {
    Data(SHA256.hash(data: Array(bytes))).base64EncodedString()
  }

  var item: Item {
    [
      "userId": .s(userId), "timestamp": .s(sortKey), "requestHash": .s(requestHash), "statusCode": .number(statusCode),
      "body": .s(String(decoding: body, as: UTF8.self)), "expiresAt": .number(expiresAt),
    ]
  }

  init(userId: String, keyHash: String, requestHash: String, statusCode: Int, body: [UInt8], expiresAt: Int64) {
    self.userId = userId
    self.keyHash = keyHash
    self.requestHash = requestHash
    self.statusCode = statusCode
    self.body = body
    self.expiresAt = expiresAt
  }

  init?(item: Item) {
    guard case .s(let userId)? = item["userId"], case .s(let sortKey)? = item["timestamp"],
      sortKey.hasPrefix(Self.sortKeyPrefix), case .s(let requestHash)? = item["requestHash"],
      let status = item["statusCode"]?.numberValue.flatMap({ Int($0) }), case .s(let body)? = item["body"],
      let expiresAt = item["expiresAt"]?.numberValue.flatMap({ Int64($0) })
    else { return nil }
    self.init(
      userId: userId, keyHash: String(sortKey.dropFirst(Self.sortKeyPrefix.count)), requestHash: requestHash,
      statusCode: status, body: Array(body.utf8), expiresAt: expiresAt)
  }
}
