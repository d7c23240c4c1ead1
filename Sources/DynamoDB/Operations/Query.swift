public struct QueryInput: Encodable, Sendable {
  public var tableName: String
  /// Query a secondary index instead of the table.
  public var indexName: String?
  /// `pk = :pk AND begins_with(sk, :prefix)`.
  public var keyConditionExpression: String?
  /// Filter applied after reading (still consumes capacity).
  public var filterExpression: String?
  /// Attributes to return.
  public var projectionExpression: String?
  /// The attribute names that `#name` placeholders in the expressions stand for (reserved words, odd characters).
  public var expressionAttributeNames: [String: String]?
  /// Values for the `:value` placeholders in the expressions.
  public var expressionAttributeValues: Item?
  /// Ascending (default) or descending sort-key order.
  public var scanIndexForward: Bool?
  /// Maximum items evaluated per page.
  public var limit: Int?
  /// Continue after this key (a previous page's `lastEvaluatedKey`).
  public var exclusiveStartKey: Item?
  /// Read the latest committed writes (twice the read capacity of an eventually consistent read).
  public var consistentRead: Bool?
  /// What to return, e.g. `.count`.
  public var select: Select?
  public var returnConsumedCapacity: ReturnConsumedCapacity?

  /// A Query request.
  public init(
    tableName: String, indexName: String? = nil, keyConditionExpression: String? = nil,
    filterExpression: String? = nil, projectionExpression: String? = nil,
    expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: Item? = nil,
    scanIndexForward: Bool? = nil, limit: Int? = nil, exclusiveStartKey: Item? = nil, consistentRead: Bool? = nil,
    select: Select? = nil, returnConsumedCapacity: ReturnConsumedCapacity? = nil
  ) {
    self.tableName = tableName
    self.indexName = indexName
    self.keyConditionExpression = keyConditionExpression
    self.filterExpression = filterExpression
    self.projectionExpression = projectionExpression
    self.expressionAttributeNames = expressionAttributeNames
    self.expressionAttributeValues = expressionAttributeValues
    self.scanIndexForward = scanIndexForward
    self.limit = limit
    self.exclusiveStartKey = exclusiveStartKey
    self.consistentRead = consistentRead
    self.select = select
    self.returnConsumedCapacity = returnConsumedCapacity
  }

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
    case indexName = "IndexName"
    case keyConditionExpression = "KeyConditionExpression"
    case filterExpression = "FilterExpression"
    case projectionExpression = "ProjectionExpression"
    case expressionAttributeNames = "ExpressionAttributeNames"
    case expressionAttributeValues = "ExpressionAttributeValues"
    case scanIndexForward = "ScanIndexForward"
    case limit = "Limit"
    case exclusiveStartKey = "ExclusiveStartKey"
    case consistentRead = "ConsistentRead"
    case select = "Select"
    case returnConsumedCapacity = "ReturnConsumedCapacity"
  }
}

/// Query response (one page).
public struct QueryOutput: Decodable, Sendable {
  /// Matching items on this page (empty for `select: .count`).
  public var items: [Item]
  /// Items matched after filtering.
  public var count: Int
  /// Items evaluated before filtering.
  public var scannedCount: Int
  /// Where the next page starts; `nil` on the last page.
  public var lastEvaluatedKey: Item?
  /// Capacity consumed, if asked for.
  public var consumedCapacity: ConsumedCapacity?

  enum CodingKeys: String, CodingKey {
    case items = "Items"
    case count = "Count"
    case scannedCount = "ScannedCount"
    case lastEvaluatedKey = "LastEvaluatedKey"
    case consumedCapacity = "ConsumedCapacity"
  }

  init(items: [Item], count: Int, scannedCount: Int, lastEvaluatedKey: Item?, consumedCapacity: ConsumedCapacity?) {
    self.items = items
    self.count = count
    self.scannedCount = scannedCount
    self.lastEvaluatedKey = lastEvaluatedKey
    self.consumedCapacity = consumedCapacity
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
    count = try container.decodeIfPresent(Int.self, forKey: .count) ?? items.count
    scannedCount = try container.decodeIfPresent(Int.self, forKey: .scannedCount) ?? count
    lastEvaluatedKey = try container.decodeIfPresent(Item.self, forKey: .lastEvaluatedKey)
    consumedCapacity = try container.decodeIfPresent(ConsumedCapacity.self, forKey: .consumedCapacity)
  }
}
