/// One key attribute of a table or index.
public struct KeySchemaElement: Codable, Hashable, Sendable {
  public var attributeName: String
  /// `HASH` (partition) or `RANGE` (sort).
  public var keyType: KeyType

  /// A key schema element.
  public init(attributeName: String, keyType: KeyType) {
    self.attributeName = attributeName
    self.keyType = keyType
  }

  /// A partition key named `name`.
  public static func hash(_ name: String) -> KeySchemaElement { .init(attributeName: name, keyType: .hash) }
  /// A sort key named `name`.
  public static func range(_ name: String) -> KeySchemaElement { .init(attributeName: name, keyType: .range) }

  enum CodingKeys: String, CodingKey {
    case attributeName = "AttributeName"
    case keyType = "KeyType"
  }
}
