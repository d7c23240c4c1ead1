import FuzzSupport

@testable import DynamoDB

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `ItemJSONReader` (GetItem, PutItem and friends, Query pages) may give up on anything, but whatever it accepts,
/// `JSONDecoder` (the path it stands in for) must accept too, with the same items.
enum FastPathAgreement {
  /// The items the fast path read.
  static func check(_ body: [UInt8]) -> [Item] {
    var items: [Item] = []
    if let fast = GetItemOutput.read(body) {
      let slow = decode(GetItemOutput.self, body)
      FuzzCheck.require(
        slow?.item == fast.item, "GetItem: the fast path read \(fast.item as Any), JSONDecoder \(slow as Any)")
      items += [fast.item].compactMap { $0 }
    }
    if let fast = PutItemOutput.read(body) {
      FuzzCheck.require(UpdateItemOutput.read(body)?.attributes == fast.attributes, "Put and Update disagree")
      FuzzCheck.require(DeleteItemOutput.read(body)?.attributes == fast.attributes, "Put and Delete disagree")
      let slow = decode(PutItemOutput.self, body)
      FuzzCheck.require(
        slow?.attributes == fast.attributes,
        "PutItem: the fast path read \(fast.attributes as Any), JSONDecoder \(slow as Any)")
      items += [fast.attributes].compactMap { $0 }
    }
    if let fast = QueryOutput.read(body) {
      let slow = decode(QueryOutput.self, body)
      FuzzCheck.require(
        slow?.items == fast.items && slow?.count == fast.count && slow?.scannedCount == fast.scannedCount
          && slow?.lastEvaluatedKey == fast.lastEvaluatedKey,
        "Query: the fast path read \(fast), JSONDecoder \(slow as Any)")
      items += fast.items + [fast.lastEvaluatedKey].compactMap { $0 }
    }
    return items
  }

  private static func decode<T: Decodable>(_ type: T.Type, _ body: [UInt8]) -> T? {
    try? JSONDecoder().decode(type, from: Data(body))
  }
}
