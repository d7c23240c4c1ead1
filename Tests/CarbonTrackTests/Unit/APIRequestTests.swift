import Foundation
import LambdaEvents
import Testing

@testable import CarbonTrack

@Suite struct APIRequestTests {
  @Test func decodesPayloadV2WithStageAndJWTClaims() throws {
    let json = """
      {"version":"2.0","routeKey":"GET /users/{userId}","rawPath":"/prod/users/abc","rawQueryString":"limit=5",
       "headers":{"Content-Type":"application/json"},"queryStringParameters":{"limit":"5"},
       "requestContext":{"http":{"method":"GET","path":"/prod/users/abc"},"requestId":"r1","stage":"prod",
         "authorizer":{"jwt":{"claims":{"sub":"abc","aud":["x"],"exp":1700000000},"scopes":null}}},
       "body":"eyJhIjoxfQ==","isBase64Encoded":true}
      """
    let request = try APIRequest(event: Array(json.utf8))
    #expect(request.version == .v2)
    #expect(request.method == "GET")
    #expect(request.path == "/users/abc")
    #expect(request.query == ["limit": "5"])
    #expect(request.headers["content-type"] == "application/json")
    #expect(request.identity == "abc")
    #expect(request.requestId == "r1")
    #expect(String(decoding: request.body, as: UTF8.self) == #"{"a":1}"#)
  }

  @Test func decodesPayloadV1WithCognitoClaims() throws {
    let json = """
      {"resource":"/users/{userId}","path":"/users/abc","httpMethod":"POST","headers":null,
       "queryStringParameters":null,"pathParameters":{"userId":"abc"},
       "requestContext":{"requestId":"r2","stage":"dev","authorizer":{"claims":{"sub":"abc","email":"a@b.c"}}},
       "body":"{\\"email\\":\\"a@b.c\\"}","isBase64Encoded":false}
      """
    let request = try APIRequest(event: Array(json.utf8))
    #expect(request.version == .v1)
    #expect(request.method == "POST")
    #expect(request.path == "/users/abc")
    #expect(request.identity == "abc")
    #expect(String(decoding: request.body, as: UTF8.self) == #"{"email":"a@b.c"}"#)
  }

  @Test func rejectsNonProxyEvents() {
    #expect(throws: CarbonTrackError.self) { try APIRequest(event: Array(#"{"action":"ping"}"#.utf8)) }
  }

  @Test func errorResponsesCarryFieldList() throws {
    let response = APIGatewayResponse.error(.validation([FieldError(field: "email", message: "is required")]))
    #expect(response.statusCode == 400)
    #expect(response.headers["content-type"] == "application/json")
    let body = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.utf8))
    #expect(body.error == "ValidationFailed")
    #expect(body.fields == [FieldError(field: "email", message: "is required")])
  }

  @Test func cursorRoundTripsAndRejectsForgeries() throws {
    let key = "2026-01-01T00:00:00.000Z#00c0ffee"
    let cursor = PageCursor.encode(after: key, userId: "u1")
    #expect(!cursor.contains("=") && !cursor.contains("+") && !cursor.contains("/"))
    #expect(try PageCursor.decode(cursor, userId: "u1", isValid: { EntrySortKey($0) != nil }) == key)
    #expect(throws: CarbonTrackError.invalid("cursor", "is not a cursor returned by this API")) {
      try PageCursor.decode("bm9wZQ", userId: "u1", isValid: { EntrySortKey($0) != nil })
    }
  }

  @Test func tableNamesUsePrefix() throws {
    #expect(TableNames(environment: [:]).users == "carbontrack-users")
    #expect(
      TableNames(environment: ["CARBONTRACK_TABLE_PREFIX": "t1-"]).all == [
        "t1-users", "t1-entries", "t1-goals", "t1-achievements",
      ])
    #expect(try AuthMode(environmentValue: nil) == .required)
    #expect(try AuthMode(environmentValue: "NONE") == .none)
    #expect(throws: ConfigurationError.self) { try AuthMode(environmentValue: "maybe") }
  }
}
