/// Reads the elements of one list (or set).
struct UnkeyedAttributeDecodingContainer: UnkeyedDecodingContainer {
  let decoder: AttributeDecoder
  let elements: [AttributeValue]
  var currentIndex = 0
  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  init(decoder: AttributeDecoder, elements: [AttributeValue]) {
    self.decoder = decoder
    self.elements = elements
  }

  private mutating func next(_ expected: String) throws -> AttributeDecoder {
    let key = AttributeKey(index: currentIndex)
    guard !isAtEnd else {
      throw DynamoDBCodingError.missingAttribute(
        path: AttributePath.render(codingPath, appending: key), expected: expected)
    }
    defer { currentIndex += 1 }
    return decoder.child(elements[currentIndex], key: key)
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, elements[currentIndex] == .null else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool { try next("BOOL").decode(type) }
  mutating func decode(_ type: String.Type) throws -> String { try next("S").decode(type) }
  mutating func decode(_ type: Double.Type) throws -> Double { try next("N").decode(type) }
  mutating func decode(_ type: Float.Type) throws -> Float { try next("N").decode(type) }
  mutating func decode(_ type: Int.Type) throws -> Int { try next("N").decode(type) }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try next("N").decode(type) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try next("N").decode(type) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try next("N").decode(type) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try next("N").decode(type) }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try next("N").decode(type) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next("N").decode(type) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next("N").decode(type) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next("N").decode(type) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next("N").decode(type) }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next("\(T.self)").unbox(type) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try next("M").container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try next("L").unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { try next("a value") }
}
