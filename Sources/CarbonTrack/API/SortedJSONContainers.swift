/// The three containers of `SortedJSONEncoder`: each adds to the box its encoder holds.
struct KeyedJSONContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let object: EncodedJSONObject
  let codingPath: [any CodingKey]

  private func add(_ value: EncodedJSONValue, _ key: Key) { object.members.append((key.stringValue, value)) }

  mutating func encodeNil(forKey key: Key) throws { add(.null, key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { add(.bool(value), key) }
  mutating func encode(_ value: String, forKey key: Key) throws { add(.string(value), key) }
  mutating func encode(_ value: Double, forKey key: Key) throws { add(try SortedJSONEncoder.number(value), key) }
  mutating func encode(_ value: Float, forKey key: Key) throws { add(try SortedJSONEncoder.number(value), key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { add(.number(String(value)), key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { add(.number(String(value)), key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { add(.number(String(value)), key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { add(.number(String(value)), key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { add(.number(String(value)), key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { add(.number(String(value)), key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { add(.number(String(value)), key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { add(.number(String(value)), key) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { add(.number(String(value)), key) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { add(.number(String(value)), key) }

  mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
    add(try SortedJSONEncoder.encodedValue(value, codingPath: codingPath + [key]), key)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    let nested = EncodedJSONObject()
    add(.object(nested), key)
    return KeyedEncodingContainer(KeyedJSONContainer<NestedKey>(object: nested, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let nested = EncodedJSONArray()
    add(.array(nested), key)
    return UnkeyedJSONContainer(array: nested, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder { superEncoder(named: SuperKey.super) }

  mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key) }

  private func superEncoder(named key: any CodingKey) -> any Encoder {
    let slot = EncodedJSONSlot()
    object.members.append((key.stringValue, .deferred(slot)))
    return ValueEncoder(codingPath: codingPath + [key], slot: slot)
  }
}

struct UnkeyedJSONContainer: UnkeyedEncodingContainer, ScalarJSONEncoding {
  let array: EncodedJSONArray
  let codingPath: [any CodingKey]
  var count: Int { array.elements.count }

  func add(_ value: EncodedJSONValue) { array.elements.append(value) }
  private var nextKey: any CodingKey { SuperKey.index(array.elements.count) }

  mutating func encode<Value: Encodable>(_ value: Value) throws {
    add(try SortedJSONEncoder.encodedValue(value, codingPath: codingPath + [nextKey]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let path = codingPath + [nextKey]
    let nested = EncodedJSONObject()
    add(.object(nested))
    return KeyedEncodingContainer(KeyedJSONContainer<NestedKey>(object: nested, codingPath: path))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let path = codingPath + [nextKey]
    let nested = EncodedJSONArray()
    add(.array(nested))
    return UnkeyedJSONContainer(array: nested, codingPath: path)
  }

  mutating func superEncoder() -> any Encoder {
    let path = codingPath + [nextKey]
    let slot = EncodedJSONSlot()
    add(.deferred(slot))
    return ValueEncoder(codingPath: path, slot: slot)
  }
}

struct SingleJSONContainer: SingleValueEncodingContainer, ScalarJSONEncoding {
  let encoder: ValueEncoder
  var codingPath: [any CodingKey] { encoder.codingPath }

  func add(_ value: EncodedJSONValue) { encoder.slot.value = value }

  mutating func encode<Value: Encodable>(_ value: Value) throws {
    add(try SortedJSONEncoder.encodedValue(value, codingPath: codingPath))
  }
}

/// The keys of a super encoder and of an array element, as `JSONEncoder` names them in a coding path.
enum SuperKey: CodingKey {
  case `super`
  case index(Int)

  var stringValue: String {
    switch self {
    case .super: "super"
    case .index(let index): "Index \(index)"
    }
  }

  var intValue: Int? {
    switch self {
    case .super: nil
    case .index(let index): index
    }
  }

  init?(stringValue: String) { nil }
  init?(intValue: Int) { self = .index(intValue) }
}

/// The scalars of the unkeyed and the single-value container, each added to the container's place as it is.
protocol ScalarJSONEncoding {
  func add(_ value: EncodedJSONValue)
}

extension ScalarJSONEncoding {
  mutating func encodeNil() throws { add(.null) }
  mutating func encode(_ value: Bool) throws { add(.bool(value)) }
  mutating func encode(_ value: String) throws { add(.string(value)) }
  mutating func encode(_ value: Double) throws { add(try SortedJSONEncoder.number(value)) }
  mutating func encode(_ value: Float) throws { add(try SortedJSONEncoder.number(value)) }
  mutating func encode(_ value: Int) throws { add(.number(String(value))) }
  mutating func encode(_ value: Int8) throws { add(.number(String(value))) }
  mutating func encode(_ value: Int16) throws { add(.number(String(value))) }
  mutating func encode(_ value: Int32) throws { add(.number(String(value))) }
  mutating func encode(_ value: Int64) throws { add(.number(String(value))) }
  mutating func encode(_ value: UInt) throws { add(.number(String(value))) }
  mutating func encode(_ value: UInt8) throws { add(.number(String(value))) }
  mutating func encode(_ value: UInt16) throws { add(.number(String(value))) }
  mutating func encode(_ value: UInt32) throws { add(.number(String(value))) }
  mutating func encode(_ value: UInt64) throws { add(.number(String(value))) }
}
