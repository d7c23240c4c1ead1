/// Reads the attributes of one map.
struct KeyedAttributeDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: AttributeDecoder
  let map: [String: AttributeValue]
  var codingPath: [any CodingKey] { decoder.codingPath }
  var allKeys: [Key] { map.keys.compactMap { Key(stringValue: $0) } }

  func contains(_ key: Key) -> Bool { map[key.stringValue] != nil }

  private func child(_ key: Key, expected: @autoclosure () -> String) throws -> AttributeDecoder {
    guard let value = map[key.stringValue] else {
      throw DynamoDBCodingError.missingAttribute(
        path: AttributePath.render(codingPath, appending: key), expected: expected())
    }
    return decoder.child(value, key: key)
  }

  func decodeNil(forKey key: Key) throws -> Bool { (map[key.stringValue] ?? .null) == .null }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key, expected: "BOOL").decode(type) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key, expected: "S").decode(type) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key, expected: "N").decode(type) }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key, expected: "N").decode(type) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key, expected: "N").decode(type) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key, expected: "N").decode(type) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key, expected: "N").decode(type) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key, expected: "N").decode(type) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key, expected: "N").decode(type) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key, expected: "N").decode(type) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key, expected: "N").decode(type) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key, expected: "N").decode(type) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key, expected: "N").decode(type) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key, expected: "N").decode(type) }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    // DynamoDB cannot store empty sets, so an absent set attribute reads as the empty set.
    if map[key.stringValue] == nil, let setType = T.self as? any AttributeSetRepresentable.Type,
      let empty = setType.emptySet as? T
    {
      return empty
    }
    return try child(key, expected: "\(T.self)").unbox(type)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try child(key, expected: "M").container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try child(key, expected: "L").unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    decoder.child(map["super"] ?? .null, key: AttributeKey(stringValue: "super"))
  }

  func superDecoder(forKey key: Key) throws -> any Decoder {
    decoder.child(map[key.stringValue] ?? .null, key: key)
  }
}
