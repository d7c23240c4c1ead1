#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Encodes any `Encodable` value as a DynamoDB item or attribute value.
public struct DynamoDBEncoder: Sendable {
  /// How `Date` values are stored.
  public enum DateEncodingStrategy: Sendable {
    /// ISO-8601 text with fractional seconds, e.g. `2026-11-26T17:00:00.123Z` (`S`). The default.
    case iso8601
    /// Seconds since 1970 as a number (`N`), the form DynamoDB TTL attributes need.
    case secondsSince1970
    /// Whole milliseconds since 1970 as a number (`N`).
    case millisecondsSince1970
    /// A custom conversion.
    case custom(@Sendable (Date) throws -> AttributeValue)
  }

  /// How `Date` values are stored; ISO-8601 text by default.
  public var dateEncodingStrategy: DateEncodingStrategy

  /// An encoder with the given date strategy.
  public init(dateEncodingStrategy: DateEncodingStrategy = .iso8601) {
    self.dateEncodingStrategy = dateEncodingStrategy
  }

  /// Encodes `value` (a struct, class or dictionary) as an item.
  public func encode<T: Encodable>(_ value: T) throws -> Item {
    let attribute = try encodeAttribute(value)
    guard case .m(let item) = attribute else {
      throw DynamoDBCodingError.unsupportedValue(
        path: "<item>", reason: "an item must encode as a map, but \(T.self) encodes as \(attribute.typeName)")
    }
    return item
  }

  /// Encodes `value` as a single attribute value (for expression values, keys and the like).
  public func encodeAttribute<T: Encodable>(_ value: T) throws -> AttributeValue {
    let encoder = AttributeEncoder(options: self, codingPath: [])
    guard let attribute = try encoder.box(value, at: []) else {
      throw DynamoDBCodingError.unsupportedValue(
        path: "<item>", reason: "an empty set cannot be stored at the top level")
    }
    return attribute
  }
}
