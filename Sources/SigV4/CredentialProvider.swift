/// A source of AWS credentials.
public protocol CredentialProvider: Sendable {
  /// Returns credentials, or throws `CredentialError.notConfigured` when this source has none to offer.
  func credentials() async throws -> Credentials
}

/// Always returns the credentials it was created with.
public struct StaticCredentialProvider: CredentialProvider {
  let value: Credentials

  public init(_ credentials: Credentials) {
    self.value = credentials
  }

  public func credentials() async throws -> Credentials {
    value
  }
}
