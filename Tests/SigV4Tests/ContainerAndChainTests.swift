import Foundation
import HTTPClient
import Synchronization
import Testing

@testable import SigV4

@Suite struct ContainerAndChainTests {
  static let body = """
    {"AccessKeyId":"AKIDCONTAINER","SecretAccessKey":"container-secret","Token":"container-token",
     "Expiration":"2030-01-01T00:00:00Z"}
    """

  @Test func containerProviderSendsTheTokenAndParsesTheResponse() async throws {
    let server = try await LoopbackHTTPServer { _ in (200, Self.body) }
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
    #expect(request.headers.contains { $0.0.lowercased() == "authorization" && $0.1 == "Bearer abc" })
  }

  @Test func containerProviderReportsAnHTTPError() async throws {
    let server = try await LoopbackHTTPServer { _ in (500, "{}") }
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
    let server = try await LoopbackHTTPServer { _ in (200, Self.body) }
    let files = try TemporaryAWSFiles(
      credentials: "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n", config: nil)
    var environment = files.environment(profile: nil)
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

  @Test func chainCachesAndRefreshesBeforeExpiry() async throws {
    let clock = TestClock()
    let provider = CountingProvider(lifetime: 3600, clock: clock)
    let chain = CredentialChain(providers: [provider], now: { clock.now })
    let first = try await chain.credentials()
    let second = try await chain.credentials()
    #expect(first == second)
    #expect(provider.calls == 1)

    clock.advance(by: 3600 - 200)  // inside the five-minute refresh window
    let refreshed = try await chain.credentials()
    #expect(provider.calls == 2)
    #expect(refreshed.accessKeyId == "AKID2")
  }

  @Test func concurrentCallersShareOneRefresh() async throws {
    let clock = TestClock()
    let provider = CountingProvider(lifetime: 3600, clock: clock)
    let chain = CredentialChain(providers: [provider], now: { clock.now })
    try await withThrowingTaskGroup(of: Credentials.self) { group in
      for _ in 0..<20 { group.addTask { try await chain.credentials() } }
      for try await credentials in group { #expect(credentials.accessKeyId == "AKID1") }
    }
    #expect(provider.calls == 1)
  }
}

/// Issues numbered credentials that expire `lifetime` seconds after the current test clock.
final class CountingProvider: CredentialProvider {
  private let counter = Mutex(0)
  let lifetime: TimeInterval
  let clock: TestClock

  init(lifetime: TimeInterval, clock: TestClock) {
    self.lifetime = lifetime
    self.clock = clock
  }

  var calls: Int { counter.withLock { $0 } }

  func credentials() async throws -> Credentials {
    let number = counter.withLock { value in
      value += 1
      return value
    }
    try await Task.sleep(for: .milliseconds(10))
    let expiry = clock.now + lifetime
    return Credentials(accessKeyId: "AKID\(number)", secretAccessKey: "s", expiration: expiry)
  }
}

/// A settable clock for expiry tests.
final class TestClock: Sendable {
  private let value = Mutex(Date(timeIntervalSince1970: 1_000_000))

  var now: Date { value.withLock { $0 } }

  func advance(by seconds: TimeInterval) {
    value.withLock { $0 += seconds }
  }
}
