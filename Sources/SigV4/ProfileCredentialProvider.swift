import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads a profile's static keys from `~/.aws/credentials` (or `AWS_SHARED_CREDENTIALS_FILE`), then from
/// `~/.aws/config` (or `AWS_CONFIG_FILE`); the profile is `AWS_PROFILE`, else `default`.
public struct ProfileCredentialProvider: CredentialProvider {
  let profile: String
  let credentialsPath: String
  let configPath: String

  public init(profile: String? = nil, environment: [String: String] = ProcessEnvironment.current()) {
    let home = environment["HOME"] ?? "~"
    self.profile = profile ?? environment["AWS_PROFILE"] ?? "default"
    self.credentialsPath = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "\(home)/.aws/credentials"
    self.configPath = environment["AWS_CONFIG_FILE"] ?? "\(home)/.aws/config"
  }

  public func credentials() async throws -> Credentials {
    let credentialsFile = try Self.load(credentialsPath)
    let configFile = try Self.load(configPath)
    let configSection = profile == "default" ? "default" : "profile \(profile)"
    let candidates = [
      (credentialsPath, credentialsFile?.sections[profile]),
      (configPath, configFile?.sections[configSection]),
    ]
    for (path, section) in candidates {
      guard let section else { continue }
      guard let keyId = section["aws_access_key_id"], let secret = section["aws_secret_access_key"] else {
        throw CredentialError.failed(
          source: "profile '\(profile)' in \(path)",
          reason: "aws_access_key_id and aws_secret_access_key are both required")
      }
      return Credentials(accessKeyId: keyId, secretAccessKey: secret, sessionToken: section["aws_session_token"])
    }
    let found = [credentialsFile == nil ? nil : credentialsPath, configFile == nil ? nil : configPath].compactMap { $0 }
    let reason =
      found.isEmpty
      ? "no file at \(credentialsPath) or \(configPath)"
      : "profile '\(profile)' not found in \(found.joined(separator: " or "))"
    throw CredentialError.notConfigured("shared files: \(reason)")
  }

  private static func load(_ path: String) throws -> INIFile? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CredentialError.failed(source: path, reason: "the file exists but cannot be read")
    }
    return INIFile(parsing: String(decoding: data, as: UTF8.self))
  }
}
