/// A secondary index as described by DescribeTable.
public struct SecondaryIndexDescription: Codable, Hashable, Sendable {
  public var indexName: String
  /// Key schema of the index.
  public var keySchema: [KeySchemaElement]?
  /// Attributes copied into the index.
  public var projection: Projection?
  /// State of a global index.
  public var indexStatus: TableStatus?
  /// Number of items (updated about every six hours).
  public var itemCount: Int?

  enum CodingKeys: String, CodingKey {
    case indexName = "IndexName"
    case keySchema = "KeySchema"
    case projection = "Projection"
    case indexStatus = "IndexStatus"
    case itemCount = "ItemCount"
  }
}
