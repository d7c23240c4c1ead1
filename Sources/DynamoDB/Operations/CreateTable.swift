public struct CreateTableInput: Encodable, Sendable {
  public var tableName: String
  public var keySchema: [KeySchemaElement]
  /// Types of every key attribute (table and index keys).
  public var attributeDefinitions: [AttributeDefinition]
  /// `PAY_PER_REQUEST` (default here) or `PROVISIONED`.
  public var billingMode: BillingMode?
  /// Capacity when provisioned.
  public var provisionedThroughput: ProvisionedThroughput?
  public var globalSecondaryIndexes: [SecondaryIndex]?
  public var localSecondaryIndexes: [SecondaryIndex]?

  /// A CreateTable request; on-demand billing unless throughput is given.
  public init(
    tableName: String, keySchema: [KeySchemaElement], attributeDefinitions: [AttributeDefinition],
    billingMode: BillingMode? = nil, provisionedThroughput: ProvisionedThroughput? = nil,
    globalSecondaryIndexes: [SecondaryIndex]? = nil, localSecondaryIndexes: [SecondaryIndex]? = nil
  ) {
    self.tableName = tableName
    self.keySchema = keySchema
    self.attributeDefinitions = attributeDefinitions
    self.billingMode = billingMode ?? (provisionedThroughput == nil ? .payPerRequest : .provisioned)
    self.provisionedThroughput = provisionedThroughput
    self.globalSecondaryIndexes = globalSecondaryIndexes
    self.localSecondaryIndexes = localSecondaryIndexes
  }

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
    case keySchema = "KeySchema"
    case attributeDefinitions = "AttributeDefinitions"
    case billingMode = "BillingMode"
    case provisionedThroughput = "ProvisionedThroughput"
    case globalSecondaryIndexes = "GlobalSecondaryIndexes"
    case localSecondaryIndexes = "LocalSecondaryIndexes"
  }
}

public struct CreateTableOutput: Decodable, Sendable {
  /// The new table (usually `CREATING`).
  public var tableDescription: TableDescription

  enum CodingKeys: String, CodingKey {
    case tableDescription = "TableDescription"
  }
}
