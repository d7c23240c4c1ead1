import DynamoDBTestSupport
import Foundation
import SharedSupport
import Testing

@testable import DynamoDB

/// The hand-written request writer and response reader must agree byte for byte (writer) and value for value
/// (reader) with the Codable path they replace.
@Suite("Direct wire JSON writer and reader")
struct WireJSONTests {
  private func written(_ body: some JSONWritable) -> String {
    var writer = JSONWriter()
    body.write(to: &writer)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  private func writtenAttribute(_ value: AttributeValue) -> String {
    var writer = JSONWriter()
    writer.attribute(value)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// Both texts parsed and re-serialised with sorted keys, so member order does not matter.
  private func canonical(_ json: Data) throws -> Data {
    try JSONSerialization.data(
      withJSONObject: try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]),
      options: [.sortedKeys, .fragmentsAllowed])
  }

  @Test func writesEveryAttributeTypeExactly() {
    #expect(writtenAttribute(.s("hi")) == #"{"S":"hi"}"#)
    #expect(writtenAttribute(.n("-1.5E3")) == #"{"N":"-1.5E3"}"#)
    #expect(writtenAttribute(.b(Data([1, 2, 3]))) == #"{"B":"AQID"}"#)
    #expect(writtenAttribute(.ss(["a", "b"])) == #"{"SS":["a","b"]}"#)
    #expect(writtenAttribute(.ns([])) == #"{"NS":[]}"#)
    #expect(writtenAttribute(.bs([Data([255]), Data()])) == #"{"BS":["/w==",""]}"#)
    #expect(writtenAttribute(.l([.null, .bool(false), .l([])])) == #"{"L":[{"NULL":true},{"BOOL":false},{"L":[]}]}"#)
    #expect(writtenAttribute(.m(["k": .bool(true)])) == #"{"M":{"k":{"BOOL":true}}}"#)
    #expect(writtenAttribute(.m([:])) == #"{"M":{}}"#)
  }

  @Test func escapesQuotesBackslashesAndControlCharacters() {
    let text = "q\"b\\s/n\nr\rt\tb\u{8}f\u{C}z\u{0}e\u{1F}é中😀"
    #expect(writtenAttribute(.s(text)) == #"{"S":"q\"b\\s/n\nr\rt\tb\bf\fz\u0000e\u001fé中😀"}"#)
    let back = try? JSONDecoder().decode(AttributeValue.self, from: Data(writtenAttribute(.s(text)).utf8))
    #expect(back == .s(text))
  }

  @Test func thirtyEightDigitNumbersAreWrittenAndReadAsExactText() throws {
    let digits = "-9.9999999999999999999999999999999999999E+125"
    #expect(writtenAttribute(.n(digits)) == #"{"N":"\#(digits)"}"#)
    let body = Array(#"{"Item":{"n":{"N":"\#(digits)"},"ns":{"NS":["12345678901234567890123456789012345678"]}}}"#.utf8)
    let output = try #require(GetItemOutput.read(body))
    #expect(output.item == ["n": .n(digits), "ns": .ns(["12345678901234567890123456789012345678"])])
  }

  @Test func putItemBodyMatchesJSONEncoder() throws {
    let full = PutItemInput(
      tableName: "T\"1", item: ["pk": "a/b", "n": .n("1"), "m": .m(["x": .l([.s("é")])])],
      conditionExpression: "attribute_not_exists(#p)", expressionAttributeNames: ["#p": "pk", "#q": "q\n"],
      expressionAttributeValues: [":v": .bool(true)], returnValues: .allOld,
      returnValuesOnConditionCheckFailure: .allOld, returnConsumedCapacity: .total)
    let minimal = PutItemInput(tableName: "T", item: ["pk": "a"])
    #expect(written(minimal) == #"{"TableName":"T","Item":{"pk":{"S":"a"}}}"#)
    for input in [full, minimal] {
      #expect(try canonical(Data(written(input).utf8)) == canonical(try JSONEncoder().encode(input)))
    }
  }

  @Test func getItemBodyMatchesJSONEncoder() throws {
    let full = GetItemInput(
      tableName: "T", key: ["pk": "a", "sk": .n("2")], consistentRead: false, projectionExpression: "#a, b",
      expressionAttributeNames: ["#a": "a"], returnConsumedCapacity: .indexes)
    let minimal = GetItemInput(tableName: "T", key: ["pk": "a"], consistentRead: true)
    #expect(written(minimal) == #"{"TableName":"T","Key":{"pk":{"S":"a"}},"ConsistentRead":true}"#)
    for input in [full, minimal] {
      #expect(try canonical(Data(written(input).utf8)) == canonical(try JSONEncoder().encode(input)))
    }
  }

  @Test func updateDeleteAndQueryBodiesMatchJSONEncoder() throws {
    let values: Item = [":v": .n("12345678901234567890123456789012345678"), ":s": "x\"y"]
    let update = UpdateItemInput(
      tableName: "T", key: ["pk": "a"], updateExpression: "SET #n = :v", conditionExpression: "#n <> :s",
      expressionAttributeNames: ["#n": "n"], expressionAttributeValues: values, returnValues: .updatedNew,
      returnValuesOnConditionCheckFailure: .allOld, returnConsumedCapacity: .total)
    let delete = DeleteItemInput(
      tableName: "T", key: ["pk": "a"], conditionExpression: "attribute_exists(pk)",
      expressionAttributeNames: ["#p": "pk"], expressionAttributeValues: values, returnValues: .allOld,
      returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure.none,
      returnConsumedCapacity: ReturnConsumedCapacity.none)
    let query = QueryInput(
      tableName: "T", indexName: "byDate", keyConditionExpression: "pk = :v", filterExpression: "s = :s",
      projectionExpression: "pk", expressionAttributeNames: ["#p": "pk"], expressionAttributeValues: values,
      scanIndexForward: false, limit: 25, exclusiveStartKey: ["pk": "a", "sk": .n("-1")], consistentRead: true,
      select: .count, returnConsumedCapacity: .indexes)
    #expect(written(QueryInput(tableName: "T", limit: -3)) == #"{"TableName":"T","Limit":-3}"#)
    let bodies: [(any JSONWritable & Encodable)] = [
      update, delete, query, UpdateItemInput(tableName: "T", key: ["pk": "a"]),
      DeleteItemInput(tableName: "T", key: ["pk": "a"]), QueryInput(tableName: "T"),
    ]
    for body in bodies {
      var writer = JSONWriter()
      body.write(to: &writer)
      #expect(try canonical(Data(writer.bytes)) == canonical(try JSONEncoder().encode(body)))
    }
  }

  @Test func transactWriteItemsBodyMatchesJSONEncoder() throws {
    let full = TransactWriteItemsInput(
      transactItems: [
        .put(
          tableName: "T\"1", item: ["pk": "a/b", "m": .m(["x": .l([.s("é")])])],
          conditionExpression: "attribute_not_exists(#p)", expressionAttributeNames: ["#p": "pk"],
          expressionAttributeValues: [":v": .n("1")], returnValuesOnConditionCheckFailure: .allOld),
        .update(
          tableName: "U", key: ["pk": "a"], updateExpression: "ADD n :one", conditionExpression: "n < :most",
          expressionAttributeValues: [":one": .n("1"), ":most": .n("50")]),
        .delete(tableName: "T", key: ["pk": "a", "sk": "b\n"]),
        .conditionCheck(tableName: "U", key: ["pk": "a"], conditionExpression: "attribute_exists(pk)"),
      ], clientRequestToken: "token-1", returnConsumedCapacity: .total)
    let minimal = TransactWriteItemsInput(transactItems: [.delete(tableName: "T", key: ["pk": "a"])])
    #expect(written(minimal) == #"{"TransactItems":[{"Delete":{"TableName":"T","Key":{"pk":{"S":"a"}}}}]}"#)
    for input in [full, minimal] {
      #expect(try canonical(Data(written(input).utf8)) == canonical(try JSONEncoder().encode(input)))
    }
  }

  @Test func batchWriteItemBodyMatchesJSONEncoder() throws {
    let full = BatchWriteItemInput(
      requestItems: [
        "T\"1": [.put(["pk": "a", "n": .n("1")]), .delete(key: ["pk": "b", "sk": "c"])],
        "U": [.delete(key: ["pk": "é"])],
      ], returnConsumedCapacity: .indexes)
    let minimal = BatchWriteItemInput(requestItems: ["T": [.delete(key: ["pk": "a"])]])
    #expect(written(minimal) == #"{"RequestItems":{"T":[{"DeleteRequest":{"Key":{"pk":{"S":"a"}}}}]}}"#)
    for input in [full, minimal] {
      #expect(try canonical(Data(written(input).utf8)) == canonical(try JSONEncoder().encode(input)))
    }
  }

  @Test func writeOutputsReadOnlyWhatTheyFullyUnderstand() throws {
    #expect(TransactWriteItemsOutput.read(Array("{}".utf8)) != nil)
    #expect(TransactWriteItemsOutput.read(Array(#"{"ConsumedCapacity":[]}"#.utf8)) == nil)
    let done = try #require(BatchWriteItemOutput.read(Array(#"{"UnprocessedItems":{}}"#.utf8)))
    #expect(done.unprocessedItems.isEmpty)
    #expect(BatchWriteItemOutput.read(Array("{}".utf8))?.unprocessedItems.isEmpty == true)
    // Left over writes are lists, which the reader never takes for an item: JSONDecoder reads them.
    let leftOver = #"{"UnprocessedItems":{"T":[{"DeleteRequest":{"Key":{"pk":{"S":"a"}}}}]}}"#
    #expect(BatchWriteItemOutput.read(Array(leftOver.utf8)) == nil)
    let decoded = try JSONDecoder().decode(BatchWriteItemOutput.self, from: Data(leftOver.utf8))
    #expect(decoded.unprocessedItems == ["T": [.delete(key: ["pk": "a"])]])
  }

  @Test func updateAndDeleteOutputsReadTheirAttributes() throws {
    let body = Array(#"{"Attributes":{"n":{"N":"2"}}}"#.utf8)
    #expect(try #require(UpdateItemOutput.read(body)).attributes == ["n": .n("2")])
    #expect(try #require(DeleteItemOutput.read(body)).attributes == ["n": .n("2")])
    #expect(try #require(DeleteItemOutput.read(Array("{}".utf8))).attributes == nil)
    #expect(UpdateItemOutput.read(Array(#"{"Item":{}}"#.utf8)) == nil)
  }

  @Test(arguments: RoundTripPropertyTests.seeds.prefix(100))
  func randomItemsRoundTripAndAgreeWithCodable(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    var item: Item = [:]
    for _ in 0..<Int.random(in: 0...6, using: &random) {
      item[RoundTripPropertyTests.string(&random)] = RoundTripPropertyTests.attribute(depth: 3, &random)
    }
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("Item")
    writer.item(item)
    writer.endObject()
    let direct = try #require(GetItemOutput.read(writer.bytes), "seed \(seed)")
    #expect(direct.item == item, "seed \(seed)")
    let viaCodable = try JSONDecoder().decode(GetItemOutput.self, from: Data(writer.bytes))
    #expect(viaCodable.item == item, "seed \(seed)")
    let encoded = try JSONEncoder().encode(["Item": item])
    #expect(GetItemOutput.read(Array(encoded))?.item == item, "seed \(seed)")
  }

  @Test func readsEscapesWhitespaceAndEmptyBodies() throws {
    let body =
      #" { "Item" : { "s" : { "S" : "a\"\\\/\b\f\n\r\t\u00e9\u4E2D\ud83d\ude00" } , "#
      + #""e\u0301" : {"L":[ ]} } } "#
    let output = try #require(GetItemOutput.read(Array(body.utf8)))
    #expect(output.item == ["s": .s("a\"\\/\u{8}\u{C}\n\r\té中😀"), "e\u{301}": .l([])])
    #expect(try #require(GetItemOutput.read(Array("{}".utf8))).item == nil)
    #expect(try #require(PutItemOutput.read(Array("{}".utf8))).attributes == nil)
    let old = try #require(PutItemOutput.read(Array(#"{"Attributes":{"k":{"NULL":true}}}"#.utf8)))
    #expect(old.attributes == ["k": .null])
  }

  @Test(arguments: [
    #"{"Item":{},"ConsumedCapacity":{"TableName":"T","CapacityUnits":0.5}}"#,
    #"{"Item":{"a":{"S":"x"},"a":{"S":"y"}}}"#,
    #"{"Item":{"a":{"S":"x","N":"1"}}}"#,
    #"{"Item":{"a":{}}}"#,
    #"{"Item":{"a":{"B":"not base64!"}}}"#,
    #"{"Item":{"a":{"S":"\ud800"}}}"#,
    #"{"Item":{"a":{"S":"\q"}}}"#,
    #"{"Item":{"a":{"N":1}}}"#,
    #"{"Item":{"a":{"NULL":false}}}"#,
    #"{"Item":{"a":{"X":"1"}}}"#,
    #"{"Item":{"a":{"S":"x"}}} x"#,
    #"{"Item":{"a":{"S":"x"}}"#,
    #"{"Item":{"a":{"S":"x"},}}"#,
    #"{"Item":null}"#,
    "{\"Item\":{\"a\":{\"S\":\"tab\there\"}}}",
    "",
  ])
  func givesUpOnAnythingUnexpected(body: String) {
    #expect(GetItemOutput.read(Array(body.utf8)) == nil)
  }

  @Test func givesUpOnInvalidUTF8() {
    var body = Array(#"{"Item":{"a":{"S":"x"}}}"#.utf8)
    body[19] = 0xFF
    #expect(GetItemOutput.read(body) == nil)
  }
}
