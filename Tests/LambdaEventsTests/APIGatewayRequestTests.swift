import Foundation
import LambdaEvents
import Testing

@Suite("APIGatewayRequest: either payload format from one decode")
struct APIGatewayRequestTests {
  private func decode(_ json: String) throws -> APIGatewayRequest {
    try JSONDecoder().decode(APIGatewayRequest.self, from: Data(json.utf8))
  }

  @Test func versionTwoIsPayloadFormatTwo() throws {
    let event = try decode(
      #"{"version":"2.0","rawPath":"/users/u1","requestContext":{"http":{"method":"GET"},"requestId":"r2"}}"#)
    guard case .v2(let request) = event else { Issue.record("expected payload 2.0, got \(event)"); return }
    #expect(request.rawPath == "/users/u1")
    #expect(request.requestContext.http.method == "GET")
  }

  @Test(arguments: [#""version":"1.0","#, "", #""version":2,"#])
  func anyOtherVersionIsPayloadFormatOne(version: String) throws {
    let event = try decode(#"{\#(version)"httpMethod":"POST","path":"/users/u1","requestContext":{"requestId":"r1"}}"#)
    guard case .v1(let request) = event else { Issue.record("expected payload 1.0, got \(event)"); return }
    #expect(request.httpMethod == "POST")
    #expect(request.path == "/users/u1")
  }

  @Test func aMalformedMemberIsReportedForTheFormatTheVersionNames() {
    let json = #"{"version":"2.0","rawPath":7,"requestContext":{"http":{"method":"GET"}}}"#
    #expect {
      try decode(json)
    } throws: { error in
      guard case DecodingError.typeMismatch(_, let context) = error else { return false }
      return context.codingPath.map(\.stringValue) == ["rawPath"]
    }
  }

  @Test func somethingOtherThanAnObjectIsNoEvent() {
    #expect(throws: DecodingError.self) { try decode("[1]") }
  }
}
