import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`, as Lambda sets them.
public struct EnvironmentCredentialProvider: CredentialProvider {
  let environment: [String: String]

  public init(environment: [String: String] = ProcessEnvironment.current()) {
    self.environment = environment
  }

  public func credentials() async throws -> Credentials {
    guard let keyId = environment["AWS_ACCESS_KEY_ID"], !keyId.isEmpty else {
      throw CredentialError.notConfigured("environment: AWS_ACCESS_KEY_ID is not set")
    }
    guard let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty else {
      throw CredentialError.notConfigured("environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
    }
    let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    return Credentials(accessKeyId: keyId, secretAccessKey: secret, sessionToken: token)
  }
}
