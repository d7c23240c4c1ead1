#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// AWS credentials: an access key pair, an optional session token and an optional expiry.
public struct Credentials: Sendable, Hashable, CustomStringConvertible {
  public var accessKeyId: String
  public var secretAccessKey: String
  public var sessionToken: String?
  public var expiration: Date?

  public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
    self.accessKeyId = accessKeyId
    self.secretAccessKey = secretAccessKey
    self.sessionToken = sessionToken
    self.expiration = expiration
  }

  /// True when the credentials expire within `margin` of `now`.
  public func expires(within margin: Duration, of now: Date = Date()) -> Bool {
    guard let expiration else { return false }
    return expiration.timeIntervalSince(now) <= margin.seconds
  }

  /// Never prints the secret or the token.
  public var description: String {
    let token = sessionToken == nil ? "none" : "<redacted>"
    return "Credentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>, sessionToken: \(token))"
  }
}
