#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One DynamoDB attribute value, encoded on the wire exactly as DynamoDB's JSON protocol expects (`{"S":"..."}`).
public enum AttributeValue: Sendable, Hashable {
  /// `S`: UTF-8 text (empty is allowed outside keys).
  case s(String)
  /// Number, kept as its decimal string so all 38 digits survive.
  case n(String)
  /// Binary (base64 on the wire).
  case b(Data)
  /// String set.
  case ss([String])
  /// Number set.
  case ns([String])
  /// Binary set.
  case bs([Data])
  /// Map.
  case m([String: AttributeValue])
  /// List.
  case l([AttributeValue])
  /// `NULL`: present, with no value.
  case null
  /// Boolean.
  case bool(Bool)

  /// The DynamoDB type descriptor of this value (`S`, `N`, `B`, `SS`, `NS`, `BS`, `M`, `L`, `NULL`, `BOOL`).
  public var typeName: String {
    switch self {
    case .s: "S"
    case .n: "N"
    case .b: "B"
    case .ss: "SS"
    case .ns: "NS"
    case .bs: "BS"
    case .m: "M"
    case .l: "L"
    case .null: "NULL"
    case .bool: "BOOL"
    }
  }
}

extension AttributeValue {
  /// The string if this is `S`.
  public var stringValue: String? {
    if case .s(let value) = self { return value }
    return nil
  }

  /// The number's decimal text if this is `N`.
  public var numberValue: String? {
    if case .n(let value) = self { return value }
    return nil
  }

  /// The map if this is `M`.
  public var mapValue: [String: AttributeValue]? {
    if case .m(let value) = self { return value }
    return nil
  }

  /// The list if this is `L`.
  public var listValue: [AttributeValue]? {
    if case .l(let value) = self { return value }
    return nil
  }

  /// The Boolean if this is `BOOL`.
  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// A number attribute from any integer, exactly.
  public static func number(_ value: some BinaryInteger) -> AttributeValue { .n(String(value)) }

  /// A number attribute from a `Double` (shortest round-tripping text).
  public static func number(_ value: Double) -> AttributeValue { .n(value.dynamoDBNumberText) }
}

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
  public init(stringLiteral value: String) { self = .s(value) }
  public init(integerLiteral value: Int) { self = .n(String(value)) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
}
