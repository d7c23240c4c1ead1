import FuzzSupport

@testable import DynamoDB
@testable import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What the client does with an item once read: size it, compare its numbers, decode it into model types, and
/// write it back into a request.
enum ItemChecks {
  static func check(_ item: Item) {
    _ = ItemSize.of(item)
    for value in item.values { checkNumbers(value) }
    AttributeDecoding.check(item)
    checkRequestWriting(item)
  }

  /// `DynamoDBNumber.canonicalText` is what the batch writer compares keys by.
  private static func checkNumbers(_ value: AttributeValue) {
    switch value {
    case .n(let text):
      _ = DynamoDBNumber.canonicalText(text)
    case .ns(let texts):
      for text in texts { _ = DynamoDBNumber.canonicalText(text) }
    case .m(let map):
      for element in map.values { checkNumbers(element) }
    case .l(let list):
      for element in list { checkNumbers(element) }
    default:
      break
    }
  }

  /// The hand-written request writer must produce what `JSONEncoder` would (its documented contract), and the
  /// reader must read back every item the writer writes.
  private static func checkRequestWriting(_ item: Item) {
    let input = PutItemInput(tableName: "fuzz", item: item)
    var writer = JSONWriter()
    input.write(to: &writer)
    let written = JSONShape.parse(writer.bytes)
    FuzzCheck.require(written != nil, "JSONWriter wrote invalid JSON for \(item)")
    if let encoded = try? JSONEncoder().encode(input) {
      FuzzCheck.require(written == JSONShape.parse(Array(encoded)), "JSONWriter and JSONEncoder disagree on \(item)")
    }
    var response = JSONWriter()
    response.beginObject()
    response.member("Item", item: item)
    response.endObject()
    let reread = GetItemOutput.read(response.bytes)
    FuzzCheck.require(reread?.item == item, "the reader does not read back what the writer wrote for \(item)")
  }
}
