import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The `Encoder` behind `DynamoDBEncoder`: builds one attribute value.
final class AttributeEncoder: Encoder {
  let options: DynamoDBEncoder
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  private var node: EncodedNode?

  init(options: DynamoDBEncoder, codingPath: [any CodingKey]) {
    self.options = options
    self.codingPath = codingPath
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    let map: EncodedMap
    if case .map(let existing) = node {
      map = existing
    } else {
      map = EncodedMap()
      node = .map(map)
    }
    return KeyedEncodingContainer(KeyedAttributeEncodingContainer<Key>(encoder: self, map: map, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    let list: EncodedList
    if case .list(let existing) = node {
      list = existing
    } else {
      list = EncodedList()
      node = .list(list)
    }
    return UnkeyedAttributeEncodingContainer(encoder: self, list: list, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { self }

  func resolve() throws -> AttributeValue? { try node?.resolve() }

  /// Encodes `value` found at `path`; `nil` means "omit" (an empty set).
  /// The path is only built when needed (nested values, errors): most values are leaves.
  func box<T: Encodable>(_ value: T, at path: @autoclosure () -> [any CodingKey]) throws -> AttributeValue? {
    // Type comparisons first, so a value pays only for the one cast that succeeds.
    if T.self == String.self, let text = value as? String { return .s(text) }
    if T.self == Int.self, let number = value as? Int { return .n(String(number)) }
    if T.self == Bool.self, let flag = value as? Bool { return .bool(flag) }
    if T.self == Double.self, let number = value as? Double { return try Self.number(number, at: path()) }
    if T.self == AttributeValue.self, let attribute = value as? AttributeValue { return attribute }
    if T.self == Date.self, let date = value as? Date { return try encodeDate(date, at: path()) }
    if T.self == Data.self, let data = value as? Data { return .b(data) }
    if T.self == DynamoDBNumber.self, let number = value as? DynamoDBNumber { return .n(number.text) }
    if T.self == UUID.self, let id = value as? UUID { return .s(id.uuidString) }
    if let set = value as? any AttributeSetRepresentable { return try set.makeSetAttribute() }
    let child = AttributeEncoder(options: options, codingPath: path())
    try value.encode(to: child)
    return try child.resolve() ?? .m([:])
  }

  /// A finite floating-point number as `N`.
  static func number(_ value: Double, at path: @autoclosure () -> [any CodingKey]) throws -> AttributeValue {
    guard value.isFinite else {
      throw DynamoDBCodingError.unsupportedValue(
        path: AttributePath.render(path()), reason: "DynamoDB numbers must be finite, got \(value)")
    }
    return .n(value.dynamoDBNumberText)
  }

  /// A finite `Float` as `N`, using `Float`'s own shortest text.
  static func number(_ value: Float, at path: @autoclosure () -> [any CodingKey]) throws -> AttributeValue {
    guard value.isFinite else {
      throw DynamoDBCodingError.unsupportedValue(
        path: AttributePath.render(path()), reason: "DynamoDB numbers must be finite, got \(value)")
    }
    return value == value.rounded() && abs(value) < 1e7 ? .n(String(Int64(value))) : .n("\(value)")
  }

  private func encodeDate(_ date: Date, at path: @autoclosure () -> [any CodingKey]) throws -> AttributeValue {
    switch options.dateEncodingStrategy {
    case .iso8601: .s(ISO8601Instant.text(of: date))
    case .secondsSince1970: try Self.number(date.timeIntervalSince1970, at: path())
    case .millisecondsSince1970: .n(String(Int64((date.timeIntervalSince1970 * 1000).rounded())))
    case .custom(let convert): try convert(date)
    }
  }
}

extension AttributeEncoder: SingleValueEncodingContainer {
  private func set(_ value: AttributeValue) { node = .value(value) }

  func encodeNil() { set(.null) }
  func encode(_ value: Bool) { set(.bool(value)) }
  func encode(_ value: String) { set(.s(value)) }
  func encode(_ value: Double) throws { set(try Self.number(value, at: codingPath)) }
  func encode(_ value: Float) throws { set(try Self.number(value, at: codingPath)) }
  func encode(_ value: Int) { set(.n(String(value))) }
  func encode(_ value: Int8) { set(.n(String(value))) }
  func encode(_ value: Int16) { set(.n(String(value))) }
  func encode(_ value: Int32) { set(.n(String(value))) }
  func encode(_ value: Int64) { set(.n(String(value))) }
  func encode(_ value: UInt) { set(.n(String(value))) }
  func encode(_ value: UInt8) { set(.n(String(value))) }
  func encode(_ value: UInt16) { set(.n(String(value))) }
  func encode(_ value: UInt32) { set(.n(String(value))) }
  func encode(_ value: UInt64) { set(.n(String(value))) }
  func encode<T: Encodable>(_ value: T) throws {
    node = try box(value, at: codingPath).map(EncodedNode.value) ?? .value(.l([]))
  }
}
