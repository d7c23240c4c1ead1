#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Writes JSON text straight into bytes, so hot request bodies skip `JSONEncoder` and its intermediate tree.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  /// Whether the innermost open object or array has no member yet (no comma needed).
  private var isFirst = true

  init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

  mutating func beginObject() {
    bytes.append(UInt8(ascii: "{"))
    isFirst = true
  }

  mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    isFirst = false
  }

  mutating func beginArray() {
    bytes.append(UInt8(ascii: "["))
    isFirst = true
  }

  mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    isFirst = false
  }

  /// Starts an array element.
  mutating func element() {
    if !isFirst { bytes.append(UInt8(ascii: ",")) }
    isFirst = false
  }

  /// Starts an object member with a constant key that needs no escaping.
  mutating func member(_ key: StaticString) {
    element()
    bytes.append(UInt8(ascii: "\""))
    key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
  }

  /// Starts an object member with any key.
  mutating func member(_ key: String) {
    element()
    string(key)
    bytes.append(UInt8(ascii: ":"))
  }

  /// A string member, left out when `nil` (as `encodeIfPresent` does).
  mutating func member(_ key: StaticString, string value: String?) {
    guard let value else { return }
    member(key)
    string(value)
  }

  /// A string-map member, left out when `nil`.
  mutating func member(_ key: StaticString, stringMap value: [String: String]?) {
    guard let value else { return }
    member(key)
    stringMap(value)
  }

  /// An item member, left out when `nil`.
  mutating func member(_ key: StaticString, item value: Item?) {
    guard let value else { return }
    member(key)
    item(value)
  }

  /// A Boolean member, left out when `nil`.
  mutating func member(_ key: StaticString, bool value: Bool?) {
    guard let value else { return }
    member(key)
    bool(value)
  }

  /// An integer member, left out when `nil`.
  mutating func member(_ key: StaticString, int value: Int?) {
    guard let value else { return }
    member(key)
    bytes.append(contentsOf: String(value).utf8)
  }

  mutating func bool(_ value: Bool) {
    if value {
      bytes.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")])
    } else {
      bytes.append(contentsOf: [
        UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e"),
      ])
    }
  }

  /// A JSON string: `"` and `\` and control characters escaped, everything else as UTF-8.
  mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for index in utf8.indices {
        let byte = utf8[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        escape(byte)
        start = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func escape(_ byte: UInt8) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
    case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
    case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
    case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    default:
      let hex: [UInt8] = Array("0123456789abcdef".utf8)
      bytes.append(contentsOf: [
        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
      ])
    }
  }

  mutating func strings(_ values: [String]) {
    beginArray()
    for value in values {
      element()
      string(value)
    }
    endArray()
  }

  /// A string map such as `ExpressionAttributeNames`.
  mutating func stringMap(_ map: [String: String]) {
    beginObject()
    for (key, value) in map {
      member(key)
      string(value)
    }
    endObject()
  }

  /// An item in DynamoDB's wire form.
  mutating func item(_ item: Item) {
    beginObject()
    for (name, value) in item {
      member(name)
      attribute(value)
    }
    endObject()
  }

  /// One attribute value as `{"<type>":<value>}`, exactly as `AttributeValue.encode(to:)` does.
  mutating func attribute(_ value: AttributeValue) {
    beginObject()
    switch value {
    case .s(let text):
      member("S")
      string(text)
    case .n(let text):
      member("N")
      string(text)
    case .b(let data):
      member("B")
      string(data.base64EncodedString())
    case .ss(let values):
      member("SS")
      strings(values)
    case .ns(let values):
      member("NS")
      strings(values)
    case .bs(let values):
      member("BS")
      strings(values.map { $0.base64EncodedString() })
    case .m(let map):
      member("M")
      item(map)
    case .l(let list):
      member("L")
      beginArray()
      for element in list {
        self.element()
        attribute(element)
      }
      endArray()
    case .null:
      member("NULL")
      bool(true)
    case .bool(let flag):
      member("BOOL")
      bool(flag)
    }
    endObject()
  }
}

/// A request body `JSONWriter` can write directly; it must match the type's `Encodable` output.
protocol JSONWritable {
  func write(to writer: inout JSONWriter)
}
