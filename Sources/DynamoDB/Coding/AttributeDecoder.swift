import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The `Decoder` behind `DynamoDBDecoder`: reads one attribute value.
struct AttributeDecoder: Decoder {
  let options: DynamoDBDecoder
  let value: AttributeValue
  /// The parent's path and this value's key, kept apart so leaf values cost no path array until one is needed.
  private let parentPath: [any CodingKey]
  private let key: (any CodingKey)?
  var codingPath: [any CodingKey] { key.map { parentPath + [$0] } ?? parentPath }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .m(let map) = value else { throw mismatch("M (map)") }
    return KeyedDecodingContainer(KeyedAttributeDecodingContainer<Key>(decoder: self, map: map))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    let elements: [AttributeValue]
    switch value {
    case .l(let list): elements = list
    case .ss(let texts): elements = texts.map(AttributeValue.s)
    case .ns(let texts): elements = texts.map(AttributeValue.n)
    case .bs(let blobs): elements = blobs.map(AttributeValue.b)
    default: throw mismatch("L (list) or a set")
    }
    return UnkeyedAttributeDecodingContainer(decoder: self, elements: elements)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

  func child(_ value: AttributeValue, key: any CodingKey) -> AttributeDecoder {
    AttributeDecoder(options: options, value: value, parentPath: codingPath, key: key)
  }

  init(options: DynamoDBDecoder, value: AttributeValue, parentPath: [any CodingKey] = [], key: (any CodingKey)? = nil) {
    self.options = options
    self.value = value
    self.parentPath = parentPath
    self.key = key
  }

  func mismatch(_ expected: String) -> DynamoDBCodingError {
    .typeMismatch(path: AttributePath.render(codingPath), expected: expected, found: value.typeName)
  }

  func invalid(_ reason: String) -> DynamoDBCodingError {
    .invalidValue(path: AttributePath.render(codingPath), reason: reason)
  }

  func unbox<T: Decodable>(_ type: T.Type) throws -> T {
    if T.self == String.self, let result = try decode(String.self) as? T { return result }
    if T.self == Int.self, let result = try decode(Int.self) as? T { return result }
    if T.self == AttributeValue.self, let result = value as? T { return result }
    if T.self == Date.self, let result = try decodeDate() as? T { return result }
    if T.self == Data.self, let result = try decodeData() as? T { return result }
    if T.self == DynamoDBNumber.self, let result = DynamoDBNumber(unchecked: try numberText()) as? T { return result }
    if T.self == UUID.self, let result = try decodeUUID() as? T { return result }
    return try T(from: self)
  }

  func numberText() throws -> String {
    guard case .n(let text) = value else { throw mismatch("N (number)") }
    return text
  }

  /// What `UUID.init(from:)` does, without boxing this decoder as a container.
  private func decodeUUID() throws -> UUID {
    guard let id = UUID(uuidString: try decode(String.self)) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: codingPath, debugDescription: "Attempted to decode UUID from invalid UUID string."))
    }
    return id
  }

  private func decodeData() throws -> Data {
    guard case .b(let data) = value else { throw mismatch("B (binary)") }
    return data
  }

  private func decodeDate() throws -> Date {
    switch options.dateDecodingStrategy {
    case .iso8601:
      guard case .s(let text) = value else { throw mismatch("S (ISO-8601 date)") }
      guard let date = ISO8601Instant.date(from: text) else { throw invalid("'\(text)' is not an ISO-8601 date") }
      return date
    case .secondsSince1970:
      return Date(timeIntervalSince1970: try decode(Double.self))
    case .millisecondsSince1970:
      return Date(timeIntervalSince1970: try decode(Double.self) / 1000)
    case .custom(let convert):
      return try convert(value)
    }
  }
}
