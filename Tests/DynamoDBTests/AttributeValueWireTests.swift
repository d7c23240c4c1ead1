import Foundation
import Testing

@testable import DynamoDB

@Suite("AttributeValue wire JSON")
struct AttributeValueWireTests {
  private func json(_ value: AttributeValue) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  @Test func scalarsEncodeWithTheirTypeKey() throws {
    #expect(try json(.s("hi")) == #"{"S":"hi"}"#)
    #expect(try json(.n("42")) == #"{"N":"42"}"#)
    #expect(try json(.b(Data([1, 2, 3]))) == #"{"B":"AQID"}"#)
    #expect(try json(.null) == #"{"NULL":true}"#)
    #expect(try json(.bool(false)) == #"{"BOOL":false}"#)
  }

  @Test func collectionsEncodeRecursively() throws {
    #expect(try json(.ss(["a", "b"])) == #"{"SS":["a","b"]}"#)
    #expect(try json(.ns(["1", "2.5"])) == #"{"NS":["1","2.5"]}"#)
    #expect(try json(.bs([Data([255])])) == #"{"BS":["/w=="]}"#)
    #expect(try json(.l([.s("x"), .n("1")])) == #"{"L":[{"S":"x"},{"N":"1"}]}"#)
    #expect(try json(.m(["k": .bool(true)])) == #"{"M":{"k":{"BOOL":true}}}"#)
  }

  @Test func thirtyEightDigitNumbersStayExactStrings() throws {
    let digits = "12345678901234567890123456789012345678"
    #expect(try json(.n(digits)) == #"{"N":"\#(digits)"}"#)
    let decoded = try JSONDecoder().decode(AttributeValue.self, from: Data(#"{"N":"\#(digits)"}"#.utf8))
    #expect(decoded == .n(digits))
  }

  @Test func decodesEveryTypeFromWireJSON() throws {
    let text = #"""
      {"M":{"s":{"S":"x"},"n":{"N":"-1.5E3"},"b":{"B":"AQID"},"ss":{"SS":["a"]},"ns":{"NS":["7"]},
      "bs":{"BS":["AQ=="]},"l":{"L":[{"NULL":true},{"BOOL":true}]}}}
      """#
    let value = try JSONDecoder().decode(AttributeValue.self, from: Data(text.utf8))
    #expect(
      value
        == .m([
          "s": .s("x"), "n": .n("-1.5E3"), "b": .b(Data([1, 2, 3])), "ss": .ss(["a"]), "ns": .ns(["7"]),
          "bs": .bs([Data([1])]), "l": .l([.null, .bool(true)]),
        ]))
  }

  @Test func rejectsObjectsWithoutExactlyOneTypeKey() {
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(AttributeValue.self, from: Data("{}".utf8)) }
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(AttributeValue.self, from: Data(#"{"S":"a","N":"1"}"#.utf8))
    }
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(AttributeValue.self, from: Data(#"{"B":"not base64!"}"#.utf8))
    }
  }

  @Test func literalsAndAccessors() {
    let value: AttributeValue = "text"
    let number: AttributeValue = 12
    #expect(value.stringValue == "text")
    #expect(number.numberValue == "12")
    #expect(AttributeValue.number(UInt64.max) == .n("18446744073709551615"))
    #expect(AttributeValue.number(0.1) == .n("0.1"))
    #expect(AttributeValue.number(3.0) == .n("3"))
  }

  @Test func dynamoDBNumberValidatesText() {
    #expect(DynamoDBNumber("12345678901234567890123456789012345678") != nil)
    #expect(DynamoDBNumber("-0.5e-10") != nil)
    #expect(DynamoDBNumber(".5") != nil)
    #expect(DynamoDBNumber("1e") == nil)
    #expect(DynamoDBNumber("abc") == nil)
    #expect(DynamoDBNumber("") == nil)
    #expect(DynamoDBNumber("1.2.3") == nil)
  }
}
