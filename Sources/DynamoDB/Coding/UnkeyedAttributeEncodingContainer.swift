/// Appends the elements of one list.
struct UnkeyedAttributeEncodingContainer: UnkeyedEncodingContainer {
  let encoder: AttributeEncoder
  let list: EncodedList
  let codingPath: [any CodingKey]
  var count: Int { list.elements.count }

  private var nextPath: [any CodingKey] { codingPath + [AttributeKey(index: count)] }
  private func append(_ value: AttributeValue) { list.elements.append(.value(value)) }

  mutating func encodeNil() { append(.null) }
  mutating func encode(_ value: Bool) { append(.bool(value)) }
  mutating func encode(_ value: String) { append(.s(value)) }
  mutating func encode(_ value: Double) throws { append(try AttributeEncoder.number(value, at: nextPath)) }
  mutating func encode(_ value: Float) throws { append(try AttributeEncoder.number(value, at: nextPath)) }
  mutating func encode(_ value: Int) { append(.n(String(value))) }
  mutating func encode(_ value: Int8) { append(.n(String(value))) }
  mutating func encode(_ value: Int16) { append(.n(String(value))) }
  mutating func encode(_ value: Int32) { append(.n(String(value))) }
  mutating func encode(_ value: Int64) { append(.n(String(value))) }
  mutating func encode(_ value: UInt) { append(.n(String(value))) }
  mutating func encode(_ value: UInt8) { append(.n(String(value))) }
  mutating func encode(_ value: UInt16) { append(.n(String(value))) }
  mutating func encode(_ value: UInt32) { append(.n(String(value))) }
  mutating func encode(_ value: UInt64) { append(.n(String(value))) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    append(try encoder.box(value, at: nextPath) ?? .l([]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let nested = EncodedMap()
    let path = nextPath
    list.elements.append(.map(nested))
    return KeyedEncodingContainer(
      KeyedAttributeEncodingContainer<NestedKey>(encoder: encoder, map: nested, codingPath: path))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let nested = EncodedList()
    let path = nextPath
    list.elements.append(.list(nested))
    return UnkeyedAttributeEncodingContainer(encoder: encoder, list: nested, codingPath: path)
  }

  mutating func superEncoder() -> any Encoder {
    let child = AttributeEncoder(options: encoder.options, codingPath: nextPath)
    list.elements.append(.encoder(child))
    return child
  }
}
