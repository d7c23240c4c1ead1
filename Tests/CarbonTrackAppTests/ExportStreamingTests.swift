import CarbonTrackTestSupport
import DynamoDB
import Foundation
import LambdaEvents
import LambdaRuntime
import LocalLambdaServer
import Testing

@testable import CarbonTrack

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `GET /users/{userId}/export` through the real bootstrap: the user's whole data as NDJSON, streamed page by page
/// in flat memory, with ordinary error responses when nothing could be sent.
@Suite(.enabled(if: TestEnvironment.integrationEnabled), .timeLimit(.minutes(10)))
struct ExportStreamingTests {
  private static let longHistory = 50_000

  /// A function URL's event (route `$default`), or with `domainName` one from another front.
  private func exportEvent(
    _ userId: String, method: String = "GET", sub: String? = nil, routeKey: String = "$default",
    domainName: String? = nil
  ) -> [UInt8] {
    var context: [String: Any] = ["http": ["method": method, "path": "/users/\(userId)/export"]]
    if let sub { context["authorizer"] = ["jwt": ["claims": ["sub": sub]]] }
    if let domainName { context["domainName"] = domainName }
    let event: [String: Any] = [
      "version": "2.0", "routeKey": routeKey, "rawPath": "/users/\(userId)/export", "requestContext": context,
    ]
    return Array(try! JSONSerialization.data(withJSONObject: event))
  }

  /// What one export sent, read as it arrived.
  private struct Export {
    var response: FunctionURLResponse
    /// The DynamoDB queries made when the first chunk reached the client, and in all.
    var queriesAtFirstChunk: Int
    var queriesInAll: Int

    var lines: [[String: Any]] {
      String(decoding: response.body, as: UTF8.self).split(separator: "\n").compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
      }
    }
  }

  private func export(_ server: LocalLambdaServer, _ event: [UInt8], moto: String) async throws -> Export {
    try await resetQueryCount(moto)
    guard case .streamed(let stream) = try await server.invokeStreaming(event) else {
      throw ExportTestFailure("the export did not stream")
    }
    #expect(stream.contentType == FunctionURLResponse.contentType)
    var body: [UInt8] = []
    var queriesAtFirstChunk: Int?
    for try await chunk in stream {
      if queriesAtFirstChunk == nil { queriesAtFirstChunk = try await queryCount(moto) }
      body += chunk
    }
    let response = try #require(FunctionURLResponse(streamedBody: body))
    return Export(
      response: response, queriesAtFirstChunk: queriesAtFirstChunk ?? 0, queriesInAll: try await queryCount(moto))
  }

  @Test func fiftyThousandEntriesStreamInFlatMemoryAndTheFirstByteComesBeforeTheLastPage() async throws {
    try await withStore("export") { store, environment in
      let moto = try TestEnvironment.requireEndpoint()
      for (userId, count) in [("short", 10), ("long", Self.longHistory)] {
        _ = try await makeUser(store, userId)
        let entries = try (0..<count).map { index in
          try CreateEntryRequest(
            category: "food", activity: "meal \(index)", quantity: 1, unit: "meal", kgCO2e: 0.5,
            occurredAt: testNow.adding(milliseconds: -Int64(index) * 1000).iso8601
          ).validated(userId: userId, now: testNow)
        }
        try await store.importEntries(entries, userId: userId, now: testNow)
      }
      // moto answers each page of a query in time that grows with the partition (DynamoDB does not), so the
      // function gets more time than the 30 s other tests give it.
      try await RunningBootstrap.withProcess(
        environment: environment.merging(["AUTH_MODE": "none"]) { $1 }, timeout: .seconds(300)
      ) { server, process in
        let short = try await export(server, exportEvent("short"), moto: moto)
        #expect(short.response.statusCode == 200)
        #expect(short.response.headers["content-type"] == "application/x-ndjson")
        #expect(
          short.lines.map { $0["type"] as? String } == ["user"] + Array(repeating: "entry", count: 10) + ["summary"])
        let afterShort = try peakResidentBytes(process.processIdentifier)

        let long = try await export(server, exportEvent("long"), moto: moto)
        let afterLong = try peakResidentBytes(process.processIdentifier)
        let lines = long.lines
        #expect(lines.count == Self.longHistory + 2)
        #expect(lines.first?["type"] as? String == "user")
        #expect(lines.filter { $0["type"] as? String == "entry" }.count == Self.longHistory)
        let summary = try #require(lines.last?["data"] as? [String: Any])
        #expect(summary["entries"] as? Int == Self.longHistory)
        // Oldest first, each entry once.
        let timestamps = lines.compactMap { ($0["data"] as? [String: Any])?["timestamp"] as? String }
        #expect(timestamps == timestamps.sorted() && Set(timestamps).count == Self.longHistory)

        let pages = Self.longHistory / CarbonTrackStore.exportPageSize
        #expect(long.queriesInAll >= pages, "the entries were read page by page")
        #expect(
          long.queriesAtFirstChunk < pages / 2,
          "the first byte reached the client after \(long.queriesAtFirstChunk) of \(long.queriesInAll) queries")
        #expect(
          afterLong - afterShort <= 5 << 20,
          "peak RSS grew by \(afterLong - afterShort) bytes from a 10-entry export to a \(Self.longHistory)-entry one")
      }
    }
  }

  @Test func failuresBeforeTheFirstByteAreOrdinaryErrorResponses() async throws {
    try await withStore("export-errors") { store, environment in
      let moto = try TestEnvironment.requireEndpoint()
      _ = try await makeUser(store, "owner")
      try await RunningBootstrap.with(environment: environment.merging(["AUTH_MODE": "required"]) { $1 }) {
        server in
        let missing = try await export(server, exportEvent("nobody", sub: "nobody"), moto: moto)
        #expect(missing.response.statusCode == 404)
        let stranger = try await export(server, exportEvent("owner", sub: "stranger"), moto: moto)
        #expect(stranger.response.statusCode == 403)
        #expect(stranger.queriesInAll == 0)
        let anonymous = try await export(server, exportEvent("owner"), moto: moto)
        #expect(anonymous.response.statusCode == 401)
        let owner = try await export(server, exportEvent("owner", sub: "owner"), moto: moto)
        #expect(owner.response.statusCode == 200)
        #expect(owner.lines.count == 2)

        let post = try await server.invoke(exportEvent("owner", method: "POST", sub: "owner"))
        #expect(post.bodyText.contains(#""statusCode":405"#))

        // An HTTP API buffers: a stream would reach its client as raw prelude bytes, so the answer is a whole 406.
        for httpAPIEvent in [
          exportEvent("owner", sub: "owner", routeKey: "ANY /users/{proxy+}"),
          exportEvent("owner", sub: "owner", domainName: "abc123.execute-api.us-east-1.amazonaws.com"),
        ] {
          guard case .complete(let whole) = try await server.invokeStreaming(httpAPIEvent) else {
            throw ExportTestFailure("an HTTP API event was answered with a stream")
          }
          #expect(whole.bodyText.contains(#""statusCode":406"#))
        }
        let functionURL = try await export(
          server, exportEvent("owner", sub: "owner", domainName: "abc123.lambda-url.us-east-1.on.aws"), moto: moto)
        #expect(functionURL.response.statusCode == 200)
      }
    }
  }

  /// A buffered invocation (`carbontrack invoke`, or an API Gateway HTTP API) cannot carry the stream: 406.
  @Test func aBufferedInvocationOfTheExportIs406() async throws {
    let handler = APIHandler(
      store: CarbonTrackStore(client: DynamoDBClient(environment: [:]), tables: TableNames(prefix: "unused-")),
      authMode: .none)
    let answer = try await handler.handle(exportEvent("someone"), context: LambdaContext())
    let response = try JSONDecoder().decode(APIGatewayResponse.self, from: Data(answer))
    #expect(response.statusCode == 406)
    #expect(response.body.contains("NotAcceptable"))
  }
}

private struct ExportTestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// The process's peak resident set size (`VmHWM` in `/proc/PID/status`), in bytes.
private func peakResidentBytes(_ pid: Int32) throws -> Int {
  let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
  let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
  let kilobytes = try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
  return kilobytes * 1024
}

/// The Query calls moto's counting server (scripts/atomic_moto_server.py) has answered since the last reset.
private func queryCount(_ moto: String) async throws -> Int {
  let (data, _) = try await URLSession.shared.data(from: URL(string: moto + "/_counts")!)
  let counts = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
  return counts["Query"] ?? 0
}

private func resetQueryCount(_ moto: String) async throws {
  var request = URLRequest(url: URL(string: moto + "/_counts")!)
  request.httpMethod = "DELETE"
  _ = try await URLSession.shared.data(for: request)
}
