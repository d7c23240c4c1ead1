import Foundation
import HTTPClient
import Testing

@testable import SigV4

/// The container credentials provider and the default chain, reaching a real loopback server through
/// `HTTP1CredentialClient`.
@Suite struct ContainerCredentialsOverHTTPTests {
  static let body = """
    {"AccessKeyId":"AKIDCONTAINER","SecretAccessKey":"container-secret","Token":"container-token",
     "Expiration":"2030-01-01T00:00:00Z"}
    """

  @Test func containerProviderSendsTheTokenAndParsesTheResponse() async throws {
    let server = try await ScriptedHTTPServer { _ in .json(200, Self.body) }
    let provider = ContainerCredentialProvider(
      environment: [
        "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:\(server.port)/v1/credentials",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer abc",
      ],
      httpClient: HTTP1CredentialClient(httpClient: .shared))
    let credentials = try await provider.credentials()
    try await server.shutdown()
    #expect(credentials.accessKeyId == "AKIDCONTAINER")
    #expect(credentials.sessionToken == "container-token")
    #expect(credentials.expiration == Date(timeIntervalSince1970: 1_893_456_000))
    let request = try #require(server.requests.first)
    #expect(request.uri == "/v1/credentials")
    #expect(request.headers["authorization"] == ["Bearer abc"])
  }

  @Test func containerProviderReportsAnHTTPError() async throws {
    let server = try await ScriptedHTTPServer { _ in .json(500, "{}") }
    let url = "http://127.0.0.1:\(server.port)/creds"
    let provider = ContainerCredentialProvider(
      environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": url], httpClient: HTTP1CredentialClient(httpClient: .shared))
    await #expect(throws: CredentialError.failed(source: "container endpoint \(url)", reason: "HTTP status 500")) {
      try await provider.credentials()
    }
    try await server.shutdown()
  }

  @Test func containerProviderRefusesPlainHTTPToOtherHosts() async {
    let provider = ContainerCredentialProvider(
      environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://example.com/creds"],
      httpClient: HTTP1CredentialClient(httpClient: .shared))
    await #expect(throws: CredentialError.self) { try await provider.credentials() }
  }

  @Test func relativeURIUsesTheECSHost() throws {
    let provider = ContainerCredentialProvider(
      environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/creds"],
      httpClient: HTTP1CredentialClient(httpClient: .shared))
    #expect(try provider.endpoint() == "http://169.254.170.2/v2/creds")
  }

  @Test func defaultChainPrefersEnvironmentOverFilesOverContainer() async throws {
    let server = try await ScriptedHTTPServer { _ in .json(200, Self.body) }
    let credentialsFile = FileManager.default.temporaryDirectory.appending(path: "credentials-\(UUID().uuidString)")
    try "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n".write(
      to: credentialsFile, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: credentialsFile) }
    var environment = ["AWS_SHARED_CREDENTIALS_FILE": credentialsFile.path, "HOME": "/nonexistent"]
    environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://127.0.0.1:\(server.port)/creds"
    let fromFiles = try await CredentialChain.makeDefault(
      environment: environment, httpClient: HTTP1CredentialClient(httpClient: .shared)
    )
    .credentials()
    #expect(fromFiles.accessKeyId == "AKIDFILE")

    environment["AWS_ACCESS_KEY_ID"] = "AKIDENV"
    environment["AWS_SECRET_ACCESS_KEY"] = "e"
    let fromEnvironment = try await CredentialChain.makeDefault(
      environment: environment, httpClient: HTTP1CredentialClient(httpClient: .shared)
    )
    .credentials()
    #expect(fromEnvironment.accessKeyId == "AKIDENV")

    environment = [
      "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:\(server.port)/creds", "HOME": "/nonexistent",
    ]
    let fromContainer = try await CredentialChain.makeDefault(
      environment: environment, httpClient: HTTP1CredentialClient(httpClient: .shared)
    )
    .credentials()
    #expect(fromContainer.accessKeyId == "AKIDCONTAINER")
    try await server.shutdown()
  }

  @Test func missingCredentialsListEverySourceTried() async {
    let chain = CredentialChain.makeDefault(
      environment: ["HOME": "/nonexistent"], httpClient: HTTP1CredentialClient(httpClient: .shared))
    do {
      _ = try await chain.credentials()
      Issue.record("expected an error")
    } catch {
      let message = String(describing: error)
      #expect(message.contains("No AWS credentials found"))
      #expect(message.contains("environment: AWS_ACCESS_KEY_ID is not set"))
      #expect(message.contains("shared files: no file at /nonexistent/.aws/credentials"))
      #expect(message.contains("container endpoint: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"))
    }
  }
}
