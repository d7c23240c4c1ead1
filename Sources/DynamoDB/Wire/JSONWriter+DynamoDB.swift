import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// DynamoDB's wire shapes, written as `Encodable` would write them: a member whose value is `nil` is left out, as
/// `encodeIfPresent` does.
extension JSONWriter {
  mutating func member(_ key: StaticString, string value: String?) {
    guard let value else { return }
    self.key(key)
    string(value)
  }

  mutating func member(_ key: StaticString, stringMap value: [String: String]?) {
    guard let value else { return }
    self.key(key)
    stringMap(value)
  }

  mutating func member(_ key: StaticString, item value: Item?) {
    guard let value else { return }
    self.key(key)
    item(value)
  }

  mutating func member(_ key: StaticString, bool value: Bool?) {
    guard let value else { return }
    self.key(key)
    bool(value)
  }

  mutating func member(_ key: StaticString, int value: Int?) {
    guard let value else { return }
    self.key(key)
    integer(value)
  }

  mutating func strings(_ values: [String]) {
    beginArray()
    for value in values { string(value) }
    endArray()
  }

  /// A string map such as `ExpressionAttributeNames`.
  mutating func stringMap(_ map: [String: String]) {
    beginObject()
    for (key, value) in map { member(key, value) }
    endObject()
  }

  /// An item in DynamoDB's wire form.
  mutating func item(_ item: Item) {
    beginObject()
    for (name, value) in item {
      key(name)
      attribute(value)
    }
    endObject()
  }

  /// One attribute value as `{"<type>":<value>}`, exactly as `AttributeValue.encode(to:)` does.
  mutating func attribute(_ value: AttributeValue) {
    beginObject()
    switch value {
    case .s(let text):
      key("S")
      string(text)
    case .n(let text):
      key("N")
      string(text)
    case .b(let data):
      key("B")
      string(data.base64EncodedString())
    case .ss(let values):
      key("SS")
      strings(values)
    case .ns(let values):
      key("NS")
      strings(values)
    case .bs(let values):
      key("BS")
      strings(values.map { $0.base64EncodedString() })
    case .m(let map):
      key("M")
      item(map)
    case .l(let list):
      key("L")
      beginArray()
      for element in list { attribute(element) }
      endArray()
    case .null:
      key("NULL")
      bool(true)
    case .bool(let flag):
      key("BOOL")
      bool(flag)
    }
    endObject()
  }
}

/// A request body `JSONWriter` can write directly; it must match the type's `Encodable` output.
protocol JSONWritable {
  func write(to writer: inout JSONWriter)
}
