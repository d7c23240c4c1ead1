import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads the item responses of the hot operations (`{}`, `{"Item":{...}}`, a Query or Scan page) straight from
/// bytes, with `JSONByteReader`.
///
/// It is strict: anything it does not fully understand (another member, a JSON number, a duplicate key, invalid
/// UTF-8 or base64) makes it give up with `nil`, and the caller falls back to `JSONDecoder`, which decides.
struct ItemJSONReader {
  private typealias GiveUp = JSONByteReader.GiveUp

  /// DynamoDB nests maps and lists at most 32 levels deep, so deeper input is no DynamoDB answer; reading it would
  /// recurse once per level and let a body of nested brackets exhaust the stack.
  static let maxNesting = 32

  private var json: JSONByteReader
  /// How many maps and lists enclose the value being read.
  private var nesting = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) { json = JSONByteReader(bytes) }

  /// The items under the top-level members named in `members`; `nil` if the body is anything else.
  static func items(in body: [UInt8], members: [String]) -> [String: Item]? {
    body.withUnsafeBufferPointer { buffer in
      var reader = ItemJSONReader(buffer)
      return try? reader.topLevel(members: members)
    }
  }

  private mutating func topLevel(members: [String]) throws(GiveUp) -> [String: Item] {
    var result: [String: Item] = [:]
    if try json.openObject() {
      repeat {
        let key = try json.key()
        guard members.contains(key), result[key] == nil else { throw GiveUp() }
        result[key] = try item()
      } while try json.nextMember()
    }
    guard json.isAtEnd() else { throw GiveUp() }
    return result
  }

  /// A Query or Scan page: `Items`, `Count`, `ScannedCount`, `LastEvaluatedKey`, each at most once, any order.
  struct Page {
    var items: [Item] = []
    var count: Int?
    var scannedCount: Int?
    var lastEvaluatedKey: Item?
  }

  /// The page `body` holds; `nil` if it is anything else (consumed capacity included).
  static func page(in body: [UInt8]) -> Page? {
    body.withUnsafeBufferPointer { buffer in
      var reader = ItemJSONReader(buffer)
      return try? reader.page()
    }
  }

  private mutating func page() throws(GiveUp) -> Page {
    var page = Page()
    var seen: Set<String> = []
    if try json.openObject() {
      repeat {
        let key = try json.key()
        guard seen.insert(key).inserted else { throw GiveUp() }
        switch key {
        case "Items":
          if try json.openArray() {
            repeat { page.items.append(try item()) } while try json.nextElement()
          }
        case "Count": page.count = try json.count()
        case "ScannedCount": page.scannedCount = try json.count()
        case "LastEvaluatedKey": page.lastEvaluatedKey = try item()
        default: throw GiveUp()
        }
      } while try json.nextMember()
    }
    guard json.isAtEnd() else { throw GiveUp() }
    return page
  }

  private mutating func item() throws(GiveUp) -> Item {
    var item: Item = [:]
    if try json.openObject() {
      repeat {
        let key = try json.key()
        let value = try attribute()
        guard item.updateValue(value, forKey: key) == nil else { throw GiveUp() }
      } while try json.nextMember()
    }
    return item
  }

  /// `{"<type>": <value>}`: exactly one member.
  private mutating func attribute() throws(GiveUp) -> AttributeValue {
    guard try json.openObject() else { throw GiveUp() }
    let result = try attributeBody(type: try json.key())
    guard try !json.nextMember() else { throw GiveUp() }
    return result
  }

  private mutating func attributeBody(type: String) throws(GiveUp) -> AttributeValue {
    switch type {
    case "S": return .s(try json.string())
    case "N": return .n(try json.string())
    case "B": return .b(try Self.base64(try json.string()))
    case "SS": return .ss(try strings())
    case "NS": return .ns(try strings())
    case "BS":
      var values: [Data] = []
      for text in try strings() { values.append(try Self.base64(text)) }
      return .bs(values)
    case "M": return .m(try nested { reader throws(GiveUp) in try reader.item() })
    case "L":
      return .l(
        try nested { reader throws(GiveUp) in
          var list: [AttributeValue] = []
          if try reader.json.openArray() {
            repeat { list.append(try reader.attribute()) } while try reader.json.nextElement()
          }
          return list
        })
    case "NULL":
      guard try json.bool() else { throw GiveUp() }
      return .null
    case "BOOL": return .bool(try json.bool())
    default: throw GiveUp()
    }
  }

  /// Reads a map's or list's contents one level deeper, giving up beyond `maxNesting`.
  private mutating func nested<Value>(_ body: (inout ItemJSONReader) throws(GiveUp) -> Value) throws(GiveUp) -> Value {
    guard nesting < Self.maxNesting else { throw GiveUp() }
    nesting += 1
    defer { nesting -= 1 }
    return try body(&self)
  }

  private static func base64(_ text: String) throws(GiveUp) -> Data {
    guard let data = Data(base64Encoded: text) else { throw GiveUp() }
    return data
  }

  private mutating func strings() throws(GiveUp) -> [String] {
    var values: [String] = []
    if try json.openArray() {
      repeat { values.append(try json.string()) } while try json.nextElement()
    }
    return values
  }
}

/// A response `ItemJSONReader` can read directly; `nil` means "use `JSONDecoder`".
protocol ItemJSONReadable {
  static func read(_ body: [UInt8]) -> Self?
}

extension GetItemOutput: ItemJSONReadable {
  static func read(_ body: [UInt8]) -> GetItemOutput? {
    guard let members = ItemJSONReader.items(in: body, members: ["Item"]) else { return nil }
    return GetItemOutput(item: members["Item"], consumedCapacity: nil)
  }
}

extension PutItemOutput: ItemJSONReadable {
  static func read(_ body: [UInt8]) -> PutItemOutput? {
    guard let members = ItemJSONReader.items(in: body, members: ["Attributes"]) else { return nil }
    return PutItemOutput(attributes: members["Attributes"], consumedCapacity: nil)
  }
}

extension UpdateItemOutput: ItemJSONReadable {
  static func read(_ body: [UInt8]) -> UpdateItemOutput? {
    guard let members = ItemJSONReader.items(in: body, members: ["Attributes"]) else { return nil }
    return UpdateItemOutput(attributes: members["Attributes"], consumedCapacity: nil)
  }
}

extension DeleteItemOutput: ItemJSONReadable {
  static func read(_ body: [UInt8]) -> DeleteItemOutput? {
    guard let members = ItemJSONReader.items(in: body, members: ["Attributes"]) else { return nil }
    return DeleteItemOutput(attributes: members["Attributes"], consumedCapacity: nil)
  }
}

extension QueryOutput: ItemJSONReadable {
  static func read(_ body: [UInt8]) -> QueryOutput? {
    guard let page = ItemJSONReader.page(in: body) else { return nil }
    let count = page.count ?? page.items.count
    return QueryOutput(
      items: page.items, count: count, scannedCount: page.scannedCount ?? count,
      lastEvaluatedKey: page.lastEvaluatedKey, consumedCapacity: nil)
  }
}

extension TransactWriteItemsOutput: ItemJSONReadable {
  static func read(_ body: [UInt8]) -> TransactWriteItemsOutput? {
    guard ItemJSONReader.items(in: body, members: [])?.isEmpty == true else { return nil }
    return TransactWriteItemsOutput()
  }
}

extension BatchWriteItemOutput: ItemJSONReadable {
  /// Only the answer with nothing left over: an unprocessed write is a list, which no item holds, so the reader gives
  /// up on it and `JSONDecoder` reads it.
  static func read(_ body: [UInt8]) -> BatchWriteItemOutput? {
    guard let members = ItemJSONReader.items(in: body, members: ["UnprocessedItems"]),
      members["UnprocessedItems"]?.isEmpty ?? true
    else { return nil }
    return BatchWriteItemOutput(unprocessedItems: [:], consumedCapacity: nil)
  }
}
