#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Decodes items and attribute values into any `Decodable` type.
public struct DynamoDBDecoder: Sendable {
  /// How `Date` values are read.
  public enum DateDecodingStrategy: Sendable {
    /// ISO-8601 text, with or without fractional seconds (`S`). The default.
    case iso8601
    /// Seconds since 1970 (`N`).
    case secondsSince1970
    /// Milliseconds since 1970 (`N`).
    case millisecondsSince1970
    /// A custom conversion.
    case custom(@Sendable (AttributeValue) throws -> Date)
  }

  /// How `Date` values are read; ISO-8601 text by default.
  public var dateDecodingStrategy: DateDecodingStrategy

  /// A decoder with the given date strategy.
  public init(dateDecodingStrategy: DateDecodingStrategy = .iso8601) {
    self.dateDecodingStrategy = dateDecodingStrategy
  }

  /// Decodes a `T` from an item; attributes that `T` does not declare are ignored.
  public func decode<T: Decodable>(_ type: T.Type = T.self, from item: Item) throws -> T {
    try decode(type, from: .m(item))
  }

  /// Decodes a `T` from a single attribute value.
  public func decode<T: Decodable>(_ type: T.Type = T.self, from attribute: AttributeValue) throws -> T {
    try AttributeDecoder(options: self, value: attribute).unbox(type)
  }
}
