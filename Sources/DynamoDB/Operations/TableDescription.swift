/// A table's schema and state.
public struct TableDescription: Codable, Hashable, Sendable {
  public var tableName: String
  /// Table ARN.
  public var tableArn: String?
  /// Lifecycle state.
  public var tableStatus: TableStatus?
  public var keySchema: [KeySchemaElement]?
  /// Key attribute types.
  public var attributeDefinitions: [AttributeDefinition]?
  /// Number of items (updated about every six hours).
  public var itemCount: Int?
  /// Size in bytes (updated about every six hours).
  public var tableSizeBytes: Int?
  /// Creation time in seconds since 1970.
  public var creationDateTime: Double?
  public var globalSecondaryIndexes: [SecondaryIndexDescription]?
  public var localSecondaryIndexes: [SecondaryIndexDescription]?

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
    case tableArn = "TableArn"
    case tableStatus = "TableStatus"
    case keySchema = "KeySchema"
    case attributeDefinitions = "AttributeDefinitions"
    case itemCount = "ItemCount"
    case tableSizeBytes = "TableSizeBytes"
    case creationDateTime = "CreationDateTime"
    case globalSecondaryIndexes = "GlobalSecondaryIndexes"
    case localSecondaryIndexes = "LocalSecondaryIndexes"
  }
}
