import Foundation
import Testing

@testable import LambdaRuntime

@Suite("InvalidEventError")
struct InvalidEventErrorTests {
  struct Event: Decodable {
    struct Item: Decodable { var amount: Double }
    var user: String
    var items: [Item]
  }

  private func error(for json: String) throws -> InvalidEventError {
    do {
      _ = try JSONDecoder().decode(Event.self, from: Data(json.utf8))
    } catch let error as DecodingError {
      return InvalidEventError(error)
    }
    Issue.record("decoding unexpectedly succeeded")
    return .malformed("")
  }

  @Test func missingFieldIsNamed() throws {
    #expect(try error(for: #"{"items":[]}"#) == .missingField("user"))
  }

  @Test func nestedWrongTypeNamesThePath() throws {
    let result = try error(for: #"{"user":"u","items":[{"amount":1},{"amount":"x"}]}"#)
    #expect(result == .wrongType(field: "items[1].amount", expected: "a number"))
    #expect(result.description.contains("items[1].amount"))
  }

  @Test func nullIsAWrongType() throws {
    #expect(try error(for: #"{"user":null,"items":[]}"#) == .wrongType(field: "user", expected: "a string, not null"))
  }

  @Test func notJSONIsMalformed() throws {
    guard case .malformed = try error(for: "{nope") else {
      Issue.record("expected .malformed")
      return
    }
  }

  @Test func reportedAsFunctionInvalidEvent() {
    #expect(ErrorReport(functionError: InvalidEventError.missingField("a")).errorType == "Function.InvalidEvent")
  }
}
