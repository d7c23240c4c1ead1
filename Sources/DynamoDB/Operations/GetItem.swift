public struct GetItemInput: Encodable, Sendable {
  public var tableName: String
  /// Full primary key.
  public var key: Item
  /// Read the latest committed writes (twice the read capacity of an eventually consistent read).
  public var consistentRead: Bool?
  /// Attributes to return.
  public var projectionExpression: String?
  /// The attribute names that `#name` placeholders in the expressions stand for (reserved words, odd characters).
  public var expressionAttributeNames: [String: String]?
  public var returnConsumedCapacity: ReturnConsumedCapacity?

  /// A GetItem request.
  public init(
    tableName: String, key: Item, consistentRead: Bool? = nil, projectionExpression: String? = nil,
    expressionAttributeNames: [String: String]? = nil, returnConsumedCapacity: ReturnConsumedCapacity? = nil
  ) {
    self.tableName = tableName
    self.key = key
    self.consistentRead = consistentRead
    self.projectionExpression = projectionExpression
    self.expressionAttributeNames = expressionAttributeNames
    self.returnConsumedCapacity = returnConsumedCapacity
  }

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
    case key = "Key"
    case consistentRead = "ConsistentRead"
    case projectionExpression = "ProjectionExpression"
    case expressionAttributeNames = "ExpressionAttributeNames"
    case returnConsumedCapacity = "ReturnConsumedCapacity"
  }
}

public struct GetItemOutput: Decodable, Sendable {
  /// The item, or `nil` when no item has that key.
  public var item: Item?
  /// Capacity consumed, if asked for.
  public var consumedCapacity: ConsumedCapacity?

  /// An output as DynamoDB would answer, for code that scripts the client's answers in its tests.
  public init(item: Item?, consumedCapacity: ConsumedCapacity? = nil) {
    self.item = item
    self.consumedCapacity = consumedCapacity
  }

  enum CodingKeys: String, CodingKey {
    case item = "Item"
    case consumedCapacity = "ConsumedCapacity"
  }
}
