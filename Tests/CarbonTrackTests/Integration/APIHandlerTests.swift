import CarbonTrackTestSupport
import Foundation
import LambdaEvents
import Testing

@testable import CarbonTrack

@Suite(.enabled(if: TestEnvironment.integrationEnabled)) struct APIHandlerTests {
  func v2(
    _ method: String, _ path: String, sub: String? = "u1", body: String? = nil, query: [String: String]? = nil
  ) throws -> [UInt8] {
    var context: [String: Any] = ["http": ["method": method, "path": path], "requestId": "t", "stage": "$default"]
    if let sub { context["authorizer"] = ["jwt": ["claims": ["sub": sub]]] }
    var event: [String: Any] = ["version": "2.0", "rawPath": path, "requestContext": context]
    event["body"] = body
    event["queryStringParameters"] = query
    return Array(try JSONSerialization.data(withJSONObject: event))
  }

  func v1(_ method: String, _ path: String, sub: String?, body: String? = nil) throws -> [UInt8] {
    var context: [String: Any] = ["requestId": "t", "stage": "prod"]
    if let sub { context["authorizer"] = ["claims": ["sub": sub]] }
    var event: [String: Any] = ["path": path, "httpMethod": method, "requestContext": context]
    event["body"] = body
    return Array(try JSONSerialization.data(withJSONObject: event))
  }

  func errorBody(_ response: APIGatewayResponse) throws -> ErrorBody {
    try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.utf8))
  }

  @Test func statusCodesForValidationIsolationAndMissingThings() async throws {
    try await withStore("api") { store, environment in
      let function = try InProcessFunction(store: store, environment: environment)
      let created = try await function.api(
        try v2("POST", "/users/u1", body: #"{"email":"u1@example.com","displayName":"U1"}"#))
      #expect(created.statusCode == 201)
      #expect(
        try await function.api(try v2("POST", "/users/u1", body: #"{"email":"u1@example.com","displayName":"U1"}"#))
          .statusCode == 409)

      let invalid = try await function.api(
        try v2("POST", "/users/u1/entries", body: #"{"category":"rockets","quantity":-1,"kgCO2e":"lots"}"#))
      #expect(invalid.statusCode == 400)
      #expect(try errorBody(invalid).fields == [FieldError(field: "kgCO2e", message: "must be a number")])
      let missing = try await function.api(try v2("POST", "/users/u1/entries", body: #"{"category":"rockets"}"#))
      #expect(try errorBody(missing).fields?.map(\.field) == ["category", "activity", "quantity", "unit", "kgCO2e"])
      let badQuery = try await function.api(
        try v2("GET", "/users/u1/entries", query: ["limit": "0", "from": "yesterday", "cursor": "zzz"]))
      #expect(badQuery.statusCode == 400)
      #expect(try errorBody(badQuery).fields?.map(\.field) == ["from", "limit", "cursor"])
      #expect(try await function.api(try v2("GET", "/users/u1/entries/not-a-key")).statusCode == 400)

      #expect(try await function.api(try v2("GET", "/users/u2", sub: "u1")).statusCode == 403)
      #expect(try await function.api(try v1("GET", "/users/u2", sub: "u1")).statusCode == 403)
      #expect(try await function.api(try v1("GET", "/users/u1", sub: "u1")).statusCode == 200)
      let anonymous = try await function.api(try v2("GET", "/users/u1", sub: nil))
      #expect(anonymous.statusCode == 401)

      #expect(try await function.api(try v2("GET", "/users/u1/goals/none")).statusCode == 404)
      #expect(try await function.api(try v2("GET", "/users/u1/nothing")).statusCode == 404)
      #expect(try await function.api(try v2("GET", "/users/u9", sub: "u9")).statusCode == 404)
      #expect(try await function.api(try v2("GET", "/users/u9/entries", sub: "u9")).statusCode == 404)
      let wrongMethod = try await function.api(try v2("PATCH", "/users/u1/analytics"))
      #expect(wrongMethod.statusCode == 405)
      #expect(wrongMethod.headers["allow"] == "GET")
      #expect(
        try await function.api(try v2("PUT", "/users/u1", body: #"{"displayName":"x","expectedVersion":7}"#))
          .statusCode == 409)
    }
  }

  @Test func authModeNoneServesRequestsWithoutIdentityButStillIsolatesIdentifiedOnes() async throws {
    try await withStore("apinone", authMode: "none") { store, environment in
      let function = try InProcessFunction(store: store, environment: environment)
      let created = try await function.api(
        try v1("POST", "/users/u1", sub: nil, body: #"{"email":"u1@example.com","displayName":"U1"}"#))
      #expect(created.statusCode == 201)
      #expect(try await function.api(try v1("GET", "/users/u1", sub: nil)).statusCode == 200)
      #expect(try await function.api(try v1("GET", "/users/u1", sub: "u2")).statusCode == 403)
    }
  }

  @Test func entriesPageThroughTheAPIWithCursors() async throws {
    try await withStore("apipages") { store, environment in
      let function = try InProcessFunction(store: store, environment: environment)
      _ = try await function.api(try v2("POST", "/users/u1", body: #"{"email":"u1@example.com","displayName":"U1"}"#))
      var created: [String] = []
      for day in 1...5 {
        let response = try await function.api(
          try v2(
            "POST", "/users/u1/entries",
            body:
              #"{"category":"food","activity":"a","quantity":1,"unit":"meal","kgCO2e":1,"occurredAt":"2026-01-0\#(day)"}"#
          ))
        #expect(response.statusCode == 201)
        created.append(try JSONDecoder().decode(CarbonEntry.self, from: Data(response.body.utf8)).timestamp)
      }
      var seen: [String] = []
      var cursor: String?
      repeat {
        var query = ["limit": "2", "from": "2026-01-01", "to": "2026-01-05"]
        query["cursor"] = cursor
        let response = try await function.api(try v2("GET", "/users/u1/entries", query: query))
        let page = try JSONDecoder().decode(EntryPage.self, from: Data(response.body.utf8))
        seen += page.entries.map(\.timestamp)
        cursor = page.nextCursor
      } while cursor != nil
      #expect(seen == created.reversed())

      let encoded = created[0].replacingOccurrences(of: "#", with: "%23")
      #expect(try await function.api(try v2("GET", "/users/u1/entries/\(encoded)")).statusCode == 200)
      let user = try await function.api(try v2("GET", "/users/u1"))
      let profile = try JSONDecoder().decode(UserProfile.self, from: Data(user.body.utf8))
      #expect(profile.statistics.entryCount == 5)
      let achievements = try await function.api(try v2("GET", "/users/u1/achievements"))
      #expect(achievements.body.contains("first-entry"))
    }
  }
}
