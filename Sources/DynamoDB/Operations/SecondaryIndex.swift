/// A global or local secondary index definition (`GlobalSecondaryIndexes` / `LocalSecondaryIndexes` entries).
public struct SecondaryIndex: Codable, Hashable, Sendable {
  public var indexName: String
  /// Key schema of the index.
  public var keySchema: [KeySchemaElement]
  /// Attributes copied into the index.
  public var projection: Projection
  /// Capacity, for provisioned tables (global indexes only).
  public var provisionedThroughput: ProvisionedThroughput?

  /// An index definition.
  public init(
    indexName: String, keySchema: [KeySchemaElement], projection: Projection = .all,
    provisionedThroughput: ProvisionedThroughput? = nil
  ) {
    self.indexName = indexName
    self.keySchema = keySchema
    self.projection = projection
    self.provisionedThroughput = provisionedThroughput
  }

  enum CodingKeys: String, CodingKey {
    case indexName = "IndexName"
    case keySchema = "KeySchema"
    case projection = "Projection"
    case provisionedThroughput = "ProvisionedThroughput"
  }
}
