/// Writes the attributes of one map.
struct KeyedAttributeEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let encoder: AttributeEncoder
  let map: EncodedMap
  let codingPath: [any CodingKey]

  private func set(_ value: AttributeValue, _ key: Key) { map.entries[key.stringValue] = .value(value) }

  mutating func encodeNil(forKey key: Key) { set(.null, key) }
  mutating func encode(_ value: Bool, forKey key: Key) { set(.bool(value), key) }
  mutating func encode(_ value: String, forKey key: Key) { set(.s(value), key) }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    set(try AttributeEncoder.number(value, at: codingPath + [key]), key)
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    set(try AttributeEncoder.number(value, at: codingPath + [key]), key)
  }
  mutating func encode(_ value: Int, forKey key: Key) { set(.n(String(value)), key) }
  mutating func encode(_ value: Int8, forKey key: Key) { set(.n(String(value)), key) }
  mutating func encode(_ value: Int16, forKey key: Key) { set(.n(String(value)), key) }
  mutating func encode(_ value: Int32, forKey key: Key) { set(.n(String(value)), key) }
  mutating func encode(_ value: Int64, forKey key: Key) { set(.n(String(value)), key) }
  mutating func encode(_ value: UInt, forKey key: Key) { set(.n(String(value)), key) }
  mutating func encode(_ value: UInt8, forKey key: Key) { set(.n(String(value)), key) }
  mutating func encode(_ value: UInt16, forKey key: Key) { set(.n(String(value)), key) }
  mutating func encode(_ value: UInt32, forKey key: Key) { set(.n(String(value)), key) }
  mutating func encode(_ value: UInt64, forKey key: Key) { set(.n(String(value)), key) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    if let attribute = try encoder.box(value, at: codingPath + [key]) {
      set(attribute, key)
    } else {
      map.entries.removeValue(forKey: key.stringValue)
    }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    let nested = EncodedMap()
    map.entries[key.stringValue] = .map(nested)
    return KeyedEncodingContainer(
      KeyedAttributeEncodingContainer<NestedKey>(encoder: encoder, map: nested, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let nested = EncodedList()
    map.entries[key.stringValue] = .list(nested)
    return UnkeyedAttributeEncodingContainer(encoder: encoder, list: nested, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder { superEncoder(at: AttributeKey(stringValue: "super")) }

  mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(at: key) }

  private func superEncoder(at key: any CodingKey) -> any Encoder {
    let child = AttributeEncoder(options: encoder.options, codingPath: codingPath + [key])
    map.entries[key.stringValue] = .encoder(child)
    return child
  }
}
