import Foundation
import Testing

@testable import LambdaEvents

/// The direct reader stands in for `JSONDecoder`: whatever it reads, the decoder reads the same, and what it cannot
/// be sure of (including what the decoder refuses) it leaves to the decoder.
@Suite("APIGatewayRequest.read: the decoder's answer without the decoder")
struct APIGatewayEventReaderTests {
  private static let eventsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("events")

  private static func eventFiles() throws -> [String] {
    try ["api-v1", "api-v2"].flatMap { folder in
      try FileManager.default.contentsOfDirectory(atPath: eventsRoot.appendingPathComponent(folder).path)
        .filter { $0.hasSuffix(".json") }.map { "\(folder)/\($0)" }
    }.sorted()
  }

  /// The event's contents as sorted JSON, which tells two decoded events apart by every field.
  private static func canonical(_ event: APIGatewayRequest) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    switch event {
    case .v1(let request): return "1.0 " + String(decoding: try encoder.encode(request), as: UTF8.self)
    case .v2(let request): return "2.0 " + String(decoding: try encoder.encode(request), as: UTF8.self)
    }
  }

  private static func expectAgreement(_ bytes: [UInt8]) throws {
    let read = try #require(APIGatewayRequest.read(bytes))
    let decoded = try JSONDecoder().decode(APIGatewayRequest.self, from: Data(bytes))
    #expect(try canonical(read.event) == canonical(decoded))
  }

  @Test func readsEveryEventFileAsTheDecoderDoes() throws {
    let files = try Self.eventFiles()
    #expect(files.count >= 34)
    for file in files {
      try Self.expectAgreement(Array(try Data(contentsOf: Self.eventsRoot.appendingPathComponent(file))))
    }
  }

  @Test(arguments: [
    // Escapes, non-ASCII text, nulls for optional members, empty objects and skipped members of every kind.
    #"{"version":"2.0","rawPath":"/users/\u00e9\ud83d\ude00","requestContext":{"http":{"method":"GET"},"#
      + #""authorizer":{"jwt":{"claims":{"sub":"a\"b","aud":["x",1,-0.5e+3,true,null,{}]}}}},"headers":{},"#
      + #""body":null,"isBase64Encoded":null,"cookies":["a=b"],"routeKey":"$default"}"#,
    #"{"httpMethod":"GET","path":"/users/ü","requestContext":{"authorizer":{"claims":null}},"body":"{\"a\":1}"}"#,
    #" { "version" : "1.0" , "httpMethod" : "PUT" , "path" : "/" , "requestContext" : { } } "#,
    #"{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"},"authorizer":{}}}"#,
    #"{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"},"authorizer":{"jwt":null}}}"#,
  ])
  func readsPlainEventsAsTheDecoderDoes(json: String) throws {
    try Self.expectAgreement(Array(json.utf8))
  }

  @Test func namesTheTopLevelMembersItSkipped() throws {
    let json = #"{"action":"ping","httpMethod":"GET","path":"/","requestContext":{},"stageVariables":null}"#
    let read = try #require(APIGatewayRequest.read(Array(json.utf8)))
    #expect(read.skippedMembers == ["action", "stageVariables"])
  }

  @Test(arguments: [
    // Repeated names: the decoder keeps the first; the reader does not copy that rule.
    #"{"httpMethod":"GET","httpMethod":"PUT","path":"/","requestContext":{}}"#,
    #"{"httpMethod":"GET","path":"/","requestContext":{},"headers":{"a":"1","a":"2"}}"#,
    #"{"httpMethod":"GET","path":"/","requestContext":{"authorizer":{"claims":{"sub":"a","sub":"b"}}}}"#,
    // JSON the decoder skips over without a word, but no RFC 8259 document.
    #"{"httpMethod":"GET","path":"/","requestContext":{},"x":[1,]}"#,
    #"{"httpMethod":"GET","path":"/","requestContext":{},"x":01}"#,
    #"{"httpMethod":"GET","path":"/","requestContext":{},"x":1.}"#,
    #"{"httpMethod":"GET","path":"/","requestContext":{},"x":"\ud800"}"#,
    // Members of the wrong type, a version that is no string, what the decoder refuses outright.
    #"{"version":2,"httpMethod":"GET","path":"/","requestContext":{}}"#,
    #"{"httpMethod":"GET","path":"/","requestContext":{},"headers":{"a":null}}"#,
    #"{"version":"2.0","rawPath":"/","requestContext":{"http":{}}}"#,
    #"{"version":"2.0","rawPath":"/","requestContext":{}}"#,
    #"{"httpMethod":"GET","path":"/","requestContext":null}"#,
    #"{"httpMethod":"GET","path":"/","requestContext":{}} x"#,
    #"{"httpMethod":"GET","path":"/","requestContext":{},"body":"\ud800"}"#,
    "[1]", "", "{",
  ])
  func leavesTheRestToTheDecoder(json: String) {
    #expect(APIGatewayRequest.read(Array(json.utf8)) == nil)
  }

  @Test func leavesInvalidUTF8AndDeepNestingToTheDecoder() {
    let invalid = Array(#"{"httpMethod":"GET","path":"/","requestContext":{},"x":""#.utf8) + [0xFF, 0x22, 0x7D]
    #expect(APIGatewayRequest.read(invalid) == nil)
    let deep = #"{"httpMethod":"GET","path":"/","requestContext":{},"x":"# + String(repeating: "[", count: 100_000)
    #expect(APIGatewayRequest.read(Array(deep.utf8)) == nil)
  }
}
