import HTTPConnection
import NIOHTTP1
import NIOPosix
import Testing

@testable import HTTPClient

@Suite("HTTP1Client failures: each ends the request with a clear error and never poisons the next one")
struct FailureTests {
  @Test func aSilentServerTimesOutAndTheConnectionIsNotReused() async throws {
    let server = try await ScriptedHTTPServer {
      $0.uri == "/slow" ? .silence : .respond(status: 200, headers: [], body: [])
    }
    let client = HTTP1Client()
    let started = ContinuousClock.now
    await #expect(throws: HTTP1ConnectionError.timedOut(afterMilliseconds: 200)) {
      try await client.execute(.GET, url: server.url("/slow"), timeout: .milliseconds(200))
    }
    #expect(ContinuousClock.now - started < .seconds(2))
    let response = try await client.execute(.GET, url: server.url("/fast"), timeout: .seconds(5))
    #expect(response.status == 200)
    #expect(server.acceptedConnections == 2)
    try await waitUntil { server.closedConnections >= 1 }
    await client.shutdown()
    try await server.shutdown()
  }

  @Test func aConnectionDroppedMidBodyIsAnErrorNotATruncatedBody() async throws {
    let server = try await ScriptedHTTPServer { _ in .closeMidBody }
    let client = HTTP1Client()
    await #expect {
      try await client.execute(.GET, url: server.url(), timeout: .seconds(5))
    } throws: { error in
      guard case .connectionClosed = error as? HTTP1ConnectionError else { return false }
      return true
    }
    await client.shutdown()
    try await server.shutdown()
  }

  @Test func bodiesOverTheLimitAreRefused() async throws {
    let server = try await ScriptedHTTPServer { _ in
      .respond(status: 200, headers: [], body: Array(repeating: 65, count: 5000))
    }
    var configuration = HTTP1Client.Configuration()
    configuration.maxResponseBytes = 4096
    let client = HTTP1Client(configuration: configuration)
    await #expect(throws: HTTP1ConnectionError.responseTooLarge(limit: 4096)) {
      try await client.execute(.GET, url: server.url(), timeout: .seconds(5))
    }
    await client.shutdown()
    try await server.shutdown()
  }

  @Test func aRefusedConnectionNamesTheOrigin() async throws {
    let server = try await ScriptedHTTPServer { _ in .silence }
    let url = server.url()
    try await server.shutdown()
    let client = HTTP1Client()
    await #expect {
      try await client.execute(.GET, url: url, timeout: .seconds(5))
    } throws: { error in
      guard case .connectFailed(let origin, _) = error as? HTTP1ConnectionError else { return false }
      return origin == "http://127.0.0.1:\(URLPort.of(url))"
    }
    await client.shutdown()
  }

  @Test func cancellingTheTaskEndsTheRequestAndClosesItsConnection() async throws {
    let server = try await ScriptedHTTPServer { _ in .silence }
    let client = HTTP1Client()
    let request = Task { try await client.execute(.GET, url: server.url(), timeout: .seconds(30)) }
    try await waitUntil { server.requests.count == 1 }
    request.cancel()
    await #expect(throws: CancellationError.self) { try await request.value }
    try await waitUntil { server.closedConnections == 1 }
    await client.shutdown()
    try await server.shutdown()
  }

  @Test func urlsThatAreNotHTTPAreRejected() async {
    await #expect(throws: HTTP1ConnectionError.invalidURL("ftp://example.com/")) {
      try await HTTP1Client.shared.execute(.GET, url: "ftp://example.com/", timeout: .seconds(1))
    }
  }
}

enum URLPort {
  static func of(_ url: String) -> Int { HTTP1Origin(url: url)?.port ?? 0 }
}
