import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads the item responses of the hot operations (`{}`, `{"Item":{...}}`, a Query or Scan page) straight from
/// bytes.
///
/// It is strict: anything it does not fully understand (another member, a JSON number, a duplicate key, invalid
/// UTF-8 or base64) makes it give up with `nil`, and the caller falls back to `JSONDecoder`, which decides.
struct ItemJSONReader {
  private struct GiveUp: Error {}

  /// DynamoDB nests maps and lists at most 32 levels deep, so deeper input is no DynamoDB answer; reading it would
  /// recurse once per level and let a body of nested brackets exhaust the stack.
  static let maxNesting = 32

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  /// How many maps and lists enclose the value being read.
  private var nesting = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// The items under the top-level members named in `members`; `nil` if the body is anything else.
  static func items(in body: [UInt8], members: [String]) -> [String: Item]? {
    body.withUnsafeBufferPointer { buffer in
      var reader = ItemJSONReader(buffer)
      return try? reader.topLevel(members: members)
    }
  }

  private mutating func topLevel(members: [String]) throws(GiveUp) -> [String: Item] {
    var result: [String: Item] = [:]
    skipWhitespace()
    try object { reader, key throws(GiveUp) in
      guard members.contains(key), result[key] == nil else { throw GiveUp() }
      result[key] = try reader.item()
    }
    skipWhitespace()
    guard index == bytes.count else { throw GiveUp() }
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
    skipWhitespace()
    try object { reader, key throws(GiveUp) in
      guard seen.insert(key).inserted else { throw GiveUp() }
      switch key {
      case "Items": try reader.array { reader throws(GiveUp) in page.items.append(try reader.item()) }
      case "Count": page.count = try reader.count()
      case "ScannedCount": page.scannedCount = try reader.count()
      case "LastEvaluatedKey": page.lastEvaluatedKey = try reader.item()
      default: throw GiveUp()
      }
    }
    skipWhitespace()
    guard index == bytes.count else { throw GiveUp() }
    return page
  }

  /// A count: plain decimal digits without a leading zero (at most 18, so it fits), as DynamoDB writes `Count`.
  private mutating func count() throws(GiveUp) -> Int {
    guard index < bytes.count,
      bytes[index] != UInt8(ascii: "0") || index + 1 == bytes.count
        || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1])
    else { throw GiveUp() }
    var value = 0
    var digits = 0
    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
      value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
      digits += 1
      index += 1
      guard digits <= 18 else { throw GiveUp() }
    }
    guard digits > 0 else { throw GiveUp() }
    return value
  }

  private mutating func item() throws(GiveUp) -> Item {
    var item: Item = [:]
    try object { reader, key throws(GiveUp) in
      let value = try reader.attribute()
      guard item.updateValue(value, forKey: key) == nil else { throw GiveUp() }
    }
    return item
  }

  private mutating func attribute() throws(GiveUp) -> AttributeValue {
    var result: AttributeValue?
    try object { reader, key throws(GiveUp) in
      guard result == nil else { throw GiveUp() }
      result = try reader.attributeBody(type: key)
    }
    guard let result else { throw GiveUp() }
    return result
  }

  private mutating func attributeBody(type: String) throws(GiveUp) -> AttributeValue {
    switch type {
    case "S": return .s(try string())
    case "N": return .n(try string())
    case "B": return .b(try Self.base64(try string()))
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
          try reader.array { reader throws(GiveUp) in list.append(try reader.attribute()) }
          return list
        })
    case "NULL":
      guard try literal() == true else { throw GiveUp() }
      return .null
    case "BOOL": return .bool(try literal())
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
    try array { reader throws(GiveUp) in values.append(try reader.string()) }
    return values
  }

  /// `{ "key": <body>, ... }`, calling `body` positioned at each value.
  private mutating func object(_ body: (inout ItemJSONReader, String) throws(GiveUp) -> Void) throws(GiveUp) {
    try expect(UInt8(ascii: "{"))
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      index += 1
      return
    }
    while true {
      skipWhitespace()
      let key = try string()
      skipWhitespace()
      try expect(UInt8(ascii: ":"))
      skipWhitespace()
      try body(&self, key)
      skipWhitespace()
      guard index < bytes.count else { throw GiveUp() }
      let next = bytes[index]
      index += 1
      if next == UInt8(ascii: "}") { return }
      guard next == UInt8(ascii: ",") else { throw GiveUp() }
    }
  }

  /// `[ <element>, ... ]`, calling `body` positioned at each element.
  private mutating func array(_ body: (inout ItemJSONReader) throws(GiveUp) -> Void) throws(GiveUp) {
    try expect(UInt8(ascii: "["))
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      index += 1
      return
    }
    while true {
      skipWhitespace()
      try body(&self)
      skipWhitespace()
      guard index < bytes.count else { throw GiveUp() }
      let next = bytes[index]
      index += 1
      if next == UInt8(ascii: "]") { return }
      guard next == UInt8(ascii: ",") else { throw GiveUp() }
    }
  }

  private mutating func literal() throws(GiveUp) -> Bool {
    if matches("true") { return true }
    if matches("false") { return false }
    throw GiveUp()
  }

  private mutating func matches(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard bytes.count - index >= count else { return false }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
    index += count
    return true
  }

  /// A JSON string; the escape-free common case is one copy, validated only when it is not all ASCII.
  private mutating func string() throws(GiveUp) -> String {
    try expect(UInt8(ascii: "\""))
    let start = index
    var ascii = true
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        defer { index += 1 }
        let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<index])
        return ascii ? String(decoding: utf8, as: UTF8.self) : try Self.text(utf8)
      }
      if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
      guard byte >= 0x20 else { throw GiveUp() }
      ascii = ascii && byte < 0x80
      index += 1
    }
    throw GiveUp()
  }

  private mutating func escapedString(from start: Int) throws(GiveUp) -> String {
    var utf8 = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return try utf8.withUnsafeBufferPointer { buffer throws(GiveUp) in try Self.text(buffer) }
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { throw GiveUp() }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape())
        default: throw GiveUp()
        }
      default:
        guard byte >= 0x20 else { throw GiveUp() }
        utf8.append(byte)
      }
    }
    throw GiveUp()
  }

  /// The UTF-8 of `\uXXXX` (already past `\u`), joining a surrogate pair; lone surrogates give up.
  private mutating func unicodeEscape() throws(GiveUp) -> String.UTF8View {
    let unit = try hex4()
    var scalar: Unicode.Scalar?
    if (0xD800..<0xDC00).contains(unit) {
      guard matches("\\u") else { throw GiveUp() }
      let low = try hex4()
      guard (0xDC00..<0xE000).contains(low) else { throw GiveUp() }
      scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
    } else {
      scalar = Unicode.Scalar(unit)
    }
    guard let scalar else { throw GiveUp() }
    return String(Character(scalar)).utf8
  }

  private mutating func hex4() throws(GiveUp) -> UInt32 {
    guard bytes.count - index >= 4,
      let value = HexDigits.quad(bytes[index], bytes[index + 1], bytes[index + 2], bytes[index + 3])
    else { throw GiveUp() }
    index += 4
    return value
  }

  /// Invalid UTF-8 gives up. Decoding repairs each invalid sequence to U+FFFD, which changes the bytes, so
  /// comparing them is the validation (`String(validating:as:)` costs a generic metadata lookup per call).
  private static func text(_ utf8: UnsafeBufferPointer<UInt8>) throws(GiveUp) -> String {
    let text = String(decoding: utf8, as: UTF8.self)
    guard text.utf8.elementsEqual(utf8) else { throw GiveUp() }
    return text
  }

  private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func expect(_ byte: UInt8) throws(GiveUp) {
    guard index < bytes.count, bytes[index] == byte else { throw GiveUp() }
    index += 1
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
      default: return
      }
    }
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
