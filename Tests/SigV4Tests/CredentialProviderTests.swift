import Foundation
import Testing

@testable import SigV4

@Suite struct CredentialProviderTests {
  @Test func environmentProviderReadsLambdaVariables() async throws {
    let provider = EnvironmentCredentialProvider(environment: [
      "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secret-env", "AWS_SESSION_TOKEN": "token-env",
    ])
    let credentials = try await provider.credentials()
    #expect(
      credentials == Credentials(accessKeyId: "AKIDENV", secretAccessKey: "secret-env", sessionToken: "token-env"))
  }

  @Test func environmentProviderNamesTheMissingVariable() async {
    let provider = EnvironmentCredentialProvider(environment: ["AWS_ACCESS_KEY_ID": "AKIDENV"])
    await #expect(
      throws: CredentialError.notConfigured(
        "environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
    ) {
      try await provider.credentials()
    }
  }

  @Test func profileProviderReadsTheNamedProfileFromTheCredentialsFile() async throws {
    let files = try TemporaryAWSFiles(
      credentials: """
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = default-secret

        [work]
        aws_access_key_id=AKIDWORK
        aws_secret_access_key=work-secret
        aws_session_token = work-token
        """,
      config: "")
    let provider = ProfileCredentialProvider(environment: files.environment(profile: "work"))
    let credentials = try await provider.credentials()
    #expect(
      credentials == Credentials(accessKeyId: "AKIDWORK", secretAccessKey: "work-secret", sessionToken: "work-token"))
  }

  @Test func profileProviderFallsBackToTheConfigFileProfileSection() async throws {
    let files = try TemporaryAWSFiles(
      credentials: "[default]\naws_access_key_id = A\naws_secret_access_key = B\n",
      config: "[profile ci]\nregion = eu-west-1\naws_access_key_id = AKIDCI\naws_secret_access_key = ci-secret\n")
    let credentials = try await ProfileCredentialProvider(environment: files.environment(profile: "ci")).credentials()
    #expect(credentials.accessKeyId == "AKIDCI")
    #expect(credentials.secretAccessKey == "ci-secret")
  }

  @Test func profileProviderSaysWhichProfileIsMissing() async throws {
    let files = try TemporaryAWSFiles(
      credentials: "[default]\naws_access_key_id = A\naws_secret_access_key = B\n", config: nil)
    let provider = ProfileCredentialProvider(environment: files.environment(profile: "absent"))
    do {
      _ = try await provider.credentials()
      Issue.record("expected an error")
    } catch let error as CredentialError {
      #expect(error.description == "shared files: profile 'absent' not found in \(files.credentialsPath)")
    }
  }

  @Test func profileWithoutSecretIsAnError() async throws {
    let files = try TemporaryAWSFiles(credentials: "[default]\naws_access_key_id = A\n", config: nil)
    await #expect(throws: CredentialError.self) {
      try await ProfileCredentialProvider(environment: files.environment(profile: nil)).credentials()
    }
  }

  @Test func credentialsDescriptionNeverShowsSecrets() {
    let credentials = Credentials(accessKeyId: "AKID", secretAccessKey: "very-secret", sessionToken: "very-token")
    #expect(!credentials.description.contains("very-secret"))
    #expect(!credentials.description.contains("very-token"))
    #expect(credentials.description.contains("AKID"))
  }
}

/// A credentials file and a config file in a fresh temporary folder.
struct TemporaryAWSFiles {
  let credentialsPath: String
  let configPath: String

  init(credentials: String?, config: String?) throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "sigv4-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    credentialsPath = folder.appending(path: "credentials").path
    configPath = folder.appending(path: "config").path
    if let credentials { try credentials.write(toFile: credentialsPath, atomically: true, encoding: .utf8) }
    if let config { try config.write(toFile: configPath, atomically: true, encoding: .utf8) }
  }

  func environment(profile: String?) -> [String: String] {
    var environment = [
      "AWS_SHARED_CREDENTIALS_FILE": credentialsPath, "AWS_CONFIG_FILE": configPath, "HOME": "/nonexistent",
    ]
    environment["AWS_PROFILE"] = profile
    return environment
  }
}
