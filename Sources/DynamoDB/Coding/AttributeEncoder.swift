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
  func box<T: Encodable>(_ value: T, at path: [any CodingKey]) throws -> AttributeValue? {
    switch value {
    case let text as String: return .s(text)
    case let number as Int: return .n(String(number))
    case let flag as Bool: return .bool(flag)
    case let number as Double: return try Self.number(number, at: path)
    case let attribute as AttributeValue: return attribute
    case let date as Date: return try encodeDate(date, at: path)
    case let data as Data: return .b(data)
    case let number as DynamoDBNumber: return .n(number.text)
    case let set as any AttributeSetRepresentable: return try set.makeSetAttribute()
    default:
      let child = AttributeEncoder(options: options, codingPath: path)
      try value.encode(to: child)
      return try child.resolve() ?? .m([:])
    }
  }

  /// A finite floating-point number as `N`.
  static func number(_ value: Double, at path: [any CodingKey]) throws -> AttributeValue {
    guard value.isFinite else {
      throw DynamoDBCodingError.unsupportedValue(
        path: AttributePath.render(path), reason: "DynamoDB numbers must be finite, got \(value)")
    }
    return .n(DoubleText.format(value))
  }

  /// A finite `Float` as `N`, using `Float`'s own shortest text.
  static func number(_ value: Float, at path: [any CodingKey]) throws -> AttributeValue {
    guard value.isFinite else {
      throw DynamoDBCodingError.unsupportedValue(
        path: AttributePath.render(path), reason: "DynamoDB numbers must be finite, got \(value)")
    }
    return value == value.rounded() && abs(value) < 1e7 ? .n(String(Int64(value))) : .n("\(value)")
  }

  private func encodeDate(_ date: Date, at path: [any CodingKey]) throws -> AttributeValue {
    switch options.dateEncodingStrategy {
    case .iso8601: .s(ISO8601Text.format(date))
    case .secondsSince1970: try Self.number(date.timeIntervalSince1970, at: path)
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
