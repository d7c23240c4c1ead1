import CarbonTrackTestSupport
import Foundation
import LocalLambdaServer
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The CarbonTrack API over plain HTTP: `LocalHTTPFront` turning requests into function URL events for the real
/// bootstrap, against moto.
@Suite(.enabled(if: TestEnvironment.integrationEnabled), .timeLimit(.minutes(5)))
struct HTTPFrontTests {
  /// An unsigned token for `sub`, as `carbontrack serve --http` accepts without `--jwks`.
  static func token(sub: String, issued: Date = Date()) -> String {
    LocalHTTPFront.unsignedToken(subject: sub, lifetime: .seconds(3600), now: issued)
  }

  private struct Reply {
    var status: Int
    var headers: [String: String]
    var body: Data
    var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
  }

  private func send(
    _ port: Int, _ method: String, _ path: String, token: String? = nil, body: String? = nil,
    headers: [String: String] = [:]
  ) async throws -> Reply {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    request.httpMethod = method
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    if let body {
      request.httpBody = Data(body.utf8)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    var fields: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
    }
    return Reply(status: http.statusCode, headers: fields, body: data)
  }

  private func withFront(
    _ label: String, environment extra: [String: String] = [:], _ body: (Int) async throws -> Void
  ) async throws {
    try await withStore(label) { _, environment in
      try await RunningBootstrap.with(environment: environment.merging(extra) { _, new in new }) { server in
        let front = try await LocalHTTPFront.start(for: server, port: 0)
        do {
          try await body(front.port)
        } catch {
          await front.close()
          throw error
        }
        await front.close()
      }
    }
  }

  @Test func aUserWithATokenCreatesAndListsEntriesOverPlainHTTP() async throws {
    try await withFront("front") { port in
      let token = Self.token(sub: "u1")
      let created = try await send(
        port, "POST", "/users/u1", token: token, body: #"{"email":"u1@example.com","displayName":"U One"}"#)
      #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
      #expect(created.headers["content-type"]?.hasPrefix("application/json") == true)
      let entry = try await send(
        port, "POST", "/users/u1/entries", token: token,
        body: #"{"category":"transport","activity":"Bus","quantity":12,"unit":"km","kgCO2e":1.2}"#)
      #expect(entry.status == 201, "\(String(decoding: entry.body, as: UTF8.self))")
      let listed = try await send(port, "GET", "/users/u1/entries?limit=10", token: token)
      #expect(listed.status == 200)
      let items = try #require(listed.json?["entries"] as? [[String: Any]], "\(listed.json ?? [:])")
      #expect(items.count == 1)
      // Another user's token cannot read u1, whatever path it asks for.
      let other = try await send(port, "GET", "/users/u1/entries", token: Self.token(sub: "u2"))
      #expect(other.status == 403)
    }
  }

  @Test func tokensAreCheckedAsTheJWTAuthorizerChecksThem() async throws {
    try await withFront("front-auth") { port in
      let missing = try await send(port, "GET", "/users/u1")
      #expect(missing.status == 401)
      for bad in ["not-a-jwt", Self.token(sub: "u1", issued: Date(timeIntervalSince1970: 1_000_000_000))] {
        let refused = try await send(port, "GET", "/users/u1", token: bad)
        #expect(refused.status == 401)
        #expect(String(decoding: refused.body, as: UTF8.self) == #"{"message":"Unauthorized"}"#)
      }
      let basic = try await send(port, "GET", "/users/u1", headers: ["Authorization": "Basic dTE6cHc="])
      #expect(basic.status == 401)
    }
  }

  @Test func theExportStreamsThroughTheFrontWithThePreludeAsTheHTTPHead() async throws {
    try await withFront("front-export") { port in
      let token = Self.token(sub: "u1")
      _ = try await send(
        port, "POST", "/users/u1", token: token, body: #"{"email":"u1@example.com","displayName":"U One"}"#)
      let export = try await send(port, "GET", "/users/u1/export", token: token)
      #expect(export.status == 200)
      #expect(export.headers["content-type"] == "application/x-ndjson")
      let lines = String(decoding: export.body, as: UTF8.self).split(separator: "\n")
      #expect(lines.first?.contains(#""type":"user""#) == true, "\(lines)")
      #expect(lines.count >= 2)
    }
  }

  @Test func healthNeedsNoTokenAndAnswersOnlyGET() async throws {
    try await withFront("front-health") { port in
      let health = try await send(port, "GET", "/health")
      #expect(health.status == 200)
      #expect(health.json?["status"] as? String == "ok")
      let post = try await send(port, "POST", "/health", body: "{}")
      #expect(post.status == 405)
      #expect(post.headers["allow"] == "GET")
    }
  }

  @Test func browsersFromAllowedOriginsGetCORSAnswersAndOthersDoNot() async throws {
    let app = "https://app.example.com"
    try await withFront("front-cors", environment: ["CORS_ALLOWED_ORIGINS": "\(app), http://localhost:5173"]) { port in
      let preflight = try await send(
        port, "OPTIONS", "/users/u1/entries",
        headers: ["Origin": app, "Access-Control-Request-Method": "POST"])
      #expect(preflight.status == 204)
      #expect(preflight.headers["access-control-allow-origin"] == app)
      #expect(preflight.headers["access-control-allow-methods"] == "GET, POST, OPTIONS")
      #expect(preflight.headers["access-control-allow-headers"]?.contains("idempotency-key") == true)
      #expect(preflight.headers["vary"] == "Origin")
      let stranger = try await send(port, "OPTIONS", "/users/u1/entries", headers: ["Origin": "https://evil.example"])
      #expect(stranger.status == 204)
      #expect(stranger.headers["access-control-allow-origin"] == nil)
      // Origins compare as bytes: a different case is a different origin.
      let cased = try await send(port, "OPTIONS", "/users/u1", headers: ["Origin": "https://APP.example.com"])
      #expect(cased.headers["access-control-allow-origin"] == nil)
      let unknown = try await send(port, "OPTIONS", "/nowhere", headers: ["Origin": app])
      #expect(unknown.status == 404)
      let read = try await send(port, "GET", "/users/u1", token: Self.token(sub: "u1"), headers: ["Origin": app])
      #expect(read.status == 404)
      #expect(read.headers["access-control-allow-origin"] == app)
    }
  }

  @Test func theTokenCommandGivesATokenTheFrontAccepts() async throws {
    let process = Process()
    process.executableURL = try RunningBootstrap.builtProduct("carbontrack")
    process.arguments = ["token", "--sub", "user-42", "--expires-in", "60"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    process.waitUntilExit()
    let token = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(process.terminationStatus == 0)
    try await withFront("front-token") { port in
      let created = try await send(
        port, "POST", "/users/user-42", token: token, body: #"{"email":"u1@example.com","displayName":"U One"}"#)
      #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
    }
  }
}
