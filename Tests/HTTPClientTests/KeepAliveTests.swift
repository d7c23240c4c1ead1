import HTTPConnection
import NIOHTTP1
import Testing

@testable import HTTPClient

@Suite("HTTP1Client keep-alive: connections are reused, and replaced when they cannot be")
struct KeepAliveTests {
  static func echo(_ request: ScriptedHTTPServer.Request) -> ScriptedHTTPServer.Reply {
    .respond(status: 200, headers: [("Content-Type", "text/plain")], body: Array(request.uri.utf8) + request.body)
  }

  @Test func sequentialRequestsShareOneConnectionAndCarryTheirBodies() async throws {
    let server = try await ScriptedHTTPServer(script: Self.echo)
    let client = HTTP1Client()
    for index in 0..<5 {
      let response = try await client.execute(
        .POST, url: server.url("/item/\(index)"), headers: ["Content-Type": "application/json"],
        body: Array("{\"n\":\(index)}".utf8), timeout: .seconds(5))
      #expect(response.status == 200)
      #expect(String(decoding: response.body, as: UTF8.self) == "/item/\(index){\"n\":\(index)}")
    }
    #expect(server.acceptedConnections == 1)
    let first = try #require(server.requests.first)
    #expect(first.headers["Host"] == ["127.0.0.1:\(server.port)"])
    #expect(first.headers["Content-Length"] == ["7"])
    #expect(first.method == .POST)
    await client.shutdown()
    try await server.shutdown()
  }

  @Test func aParsedOriginAndTargetGoWhereTheURLWouldAndShareItsConnection() async throws {
    let server = try await ScriptedHTTPServer(script: Self.echo)
    let client = HTTP1Client()
    let origin = try #require(HTTP1Origin(url: server.url()))
    let parsed = try await client.execute(.GET, origin: origin, target: "/tables?limit=2", timeout: .seconds(5))
    let viaURL = try await client.execute(.GET, url: server.url("/tables?limit=2#ignored"), timeout: .seconds(5))
    #expect(String(decoding: parsed.body, as: UTF8.self) == "/tables?limit=2")
    #expect(String(decoding: viaURL.body, as: UTF8.self) == "/tables?limit=2")
    #expect(server.requests.map { $0.headers["Host"] } == [["127.0.0.1:\(server.port)"], ["127.0.0.1:\(server.port)"]])
    #expect(server.acceptedConnections == 1)
    await client.shutdown()
    try await server.shutdown()
  }

  @Test func connectionCloseInTheResponseMeansANewConnectionNextTime() async throws {
    let server = try await ScriptedHTTPServer { _ in .respond(status: 503, headers: [("Connection", "close")], body: [])
    }
    let client = HTTP1Client()
    for _ in 0..<3 {
      let response = try await client.execute(.GET, url: server.url(), timeout: .seconds(5))
      #expect(response.status == 503)
    }
    #expect(server.acceptedConnections == 3)
    await client.shutdown()
    try await server.shutdown()
  }

  @Test func idleConnectionsPastTheIdleTimeoutAreClosedNotReused() async throws {
    let server = try await ScriptedHTTPServer(script: Self.echo)
    var configuration = HTTP1Client.Configuration()
    configuration.idleTimeout = .milliseconds(50)
    let client = HTTP1Client(configuration: configuration)
    _ = try await client.execute(.GET, url: server.url(), timeout: .seconds(5))
    try await Task.sleep(for: .milliseconds(150))
    _ = try await client.execute(.GET, url: server.url(), timeout: .seconds(5))
    #expect(server.acceptedConnections == 2)
    try await waitUntil { server.closedConnections == 1 }
    await client.shutdown()
    try await server.shutdown()
  }

  @Test func concurrentRequestsEachGetTheirOwnAnswer() async throws {
    let server = try await ScriptedHTTPServer(script: Self.echo)
    let client = HTTP1Client()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<40 {
        group.addTask {
          let response = try await client.execute(.GET, url: server.url("/\(index)"), timeout: .seconds(5))
          #expect(String(decoding: response.body, as: UTF8.self) == "/\(index)")
        }
      }
      try await group.waitForAll()
    }
    #expect(server.acceptedConnections <= 40)
    let accepted = server.acceptedConnections
    _ = try await client.execute(.GET, url: server.url(), timeout: .seconds(5))
    #expect(server.acceptedConnections == accepted, "an idle connection is reused after the burst")
    await client.shutdown()
    try await waitUntil { server.closedConnections == accepted }
    try await server.shutdown()
  }

  @Test func aShutDownClientRefusesRequests() async throws {
    let server = try await ScriptedHTTPServer(script: Self.echo)
    let client = HTTP1Client()
    _ = try await client.execute(.GET, url: server.url(), timeout: .seconds(5))
    await client.shutdown()
    await #expect(throws: HTTP1ConnectionError.shutDown) {
      try await client.execute(.GET, url: server.url(), timeout: .seconds(5))
    }
    try await waitUntil { server.closedConnections == 1 }
    try await server.shutdown()
  }
}

/// Polls `condition` for up to two seconds; records a failure if it never holds.
func waitUntil(_ condition: () -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
  for _ in 0..<200 {
    if condition() { return }
    try await Task.sleep(for: .milliseconds(10))
  }
  Issue.record("condition not met within 2 s", sourceLocation: sourceLocation)
}
