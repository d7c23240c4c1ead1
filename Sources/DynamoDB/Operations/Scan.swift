public struct ScanInput: Encodable, Sendable {
  public var tableName: String
  /// Scan a secondary index instead of the table.
  public var indexName: String?
  /// Filter applied after reading (still consumes capacity).
  public var filterExpression: String?
  /// Attributes to return.
  public var projectionExpression: String?
  /// The attribute names that `#name` placeholders in the expressions stand for (reserved words, odd characters).
  public var expressionAttributeNames: [String: String]?
  /// Values for the `:value` placeholders in the expressions.
  public var expressionAttributeValues: Item?
  /// Maximum items evaluated per page.
  public var limit: Int?
  /// Continue after this key (a previous page's `lastEvaluatedKey`).
  public var exclusiveStartKey: Item?
  /// Read the latest committed writes (twice the read capacity of an eventually consistent read).
  public var consistentRead: Bool?
  /// What to return, e.g. `.count`.
  public var select: Select?
  /// Parallel scan: this worker's segment.
  public var segment: Int?
  /// Parallel scan: number of segments.
  public var totalSegments: Int?
  public var returnConsumedCapacity: ReturnConsumedCapacity?

  /// A Scan request.
  public init(
    tableName: String, indexName: String? = nil, filterExpression: String? = nil,
    projectionExpression: String? = nil, expressionAttributeNames: [String: String]? = nil,
    expressionAttributeValues: Item? = nil, limit: Int? = nil, exclusiveStartKey: Item? = nil,
    consistentRead: Bool? = nil, select: Select? = nil, segment: Int? = nil, totalSegments: Int? = nil,
    returnConsumedCapacity: ReturnConsumedCapacity? = nil
  ) {
    self.tableName = tableName
    self.indexName = indexName
    self.filterExpression = filterExpression
    self.projectionExpression = projectionExpression
    self.expressionAttributeNames = expressionAttributeNames
    self.expressionAttributeValues = expressionAttributeValues
    self.limit = limit
    self.exclusiveStartKey = exclusiveStartKey
    self.consistentRead = consistentRead
    self.select = select
    self.segment = segment
    self.totalSegments = totalSegments
    self.returnConsumedCapacity = returnConsumedCapacity
  }

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
    case indexName = "IndexName"
    case filterExpression = "FilterExpression"
    case projectionExpression = "ProjectionExpression"
    case expressionAttributeNames = "ExpressionAttributeNames"
    case expressionAttributeValues = "ExpressionAttributeValues"
    case limit = "Limit"
    case exclusiveStartKey = "ExclusiveStartKey"
    case consistentRead = "ConsistentRead"
    case select = "Select"
    case segment = "Segment"
    case totalSegments = "TotalSegments"
    case returnConsumedCapacity = "ReturnConsumedCapacity"
  }
}

/// Scan response (one page); the same shape as a query page.
public typealias ScanOutput = QueryOutput
