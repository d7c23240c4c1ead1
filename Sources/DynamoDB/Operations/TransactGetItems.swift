/// One read of a TransactGetItems call.
public struct TransactGetItem: Encodable, Sendable {
  public var tableName: String
  public var key: Item
  /// Attributes to return.
  public var projectionExpression: String?
  /// The attribute names that `#name` placeholders in the expressions stand for (reserved words, odd characters).
  public var expressionAttributeNames: [String: String]?

  /// A transactional read of one item.
  public init(
    tableName: String, key: Item, projectionExpression: String? = nil, expressionAttributeNames: [String: String]? = nil
  ) {
    self.tableName = tableName
    self.key = key
    self.projectionExpression = projectionExpression
    self.expressionAttributeNames = expressionAttributeNames
  }

  private enum OuterKeys: String, CodingKey {
    case get = "Get"
  }

  private enum BodyKeys: String, CodingKey {
    case tableName = "TableName"
    case key = "Key"
    case projectionExpression = "ProjectionExpression"
    case expressionAttributeNames = "ExpressionAttributeNames"
  }

  public func encode(to encoder: any Encoder) throws {
    var outer = encoder.container(keyedBy: OuterKeys.self)
    var body = outer.nestedContainer(keyedBy: BodyKeys.self, forKey: .get)
    try body.encode(tableName, forKey: .tableName)
    try body.encode(key, forKey: .key)
    try body.encodeIfPresent(projectionExpression, forKey: .projectionExpression)
    try body.encodeIfPresent(expressionAttributeNames, forKey: .expressionAttributeNames)
  }
}

/// TransactGetItems request: up to 100 reads with one consistent snapshot.
public struct TransactGetItemsInput: Encodable, Sendable {
  /// The reads.
  public var transactItems: [TransactGetItem]
  public var returnConsumedCapacity: ReturnConsumedCapacity?

  public init(transactItems: [TransactGetItem], returnConsumedCapacity: ReturnConsumedCapacity? = nil) {
    self.transactItems = transactItems
    self.returnConsumedCapacity = returnConsumedCapacity
  }

  enum CodingKeys: String, CodingKey {
    case transactItems = "TransactItems"
    case returnConsumedCapacity = "ReturnConsumedCapacity"
  }
}

public struct TransactGetItemsOutput: Decodable, Sendable {
  /// One entry per requested read, in order; `nil` where no item exists.
  public var items: [Item?]
  /// Capacity consumed, if asked for.
  public var consumedCapacity: [ConsumedCapacity]?

  private struct ItemResponse: Decodable {
    var item: Item?
    enum CodingKeys: String, CodingKey { case item = "Item" }
  }

  enum CodingKeys: String, CodingKey {
    case responses = "Responses"
    case consumedCapacity = "ConsumedCapacity"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    items = try container.decodeIfPresent([ItemResponse].self, forKey: .responses)?.map(\.item) ?? []
    consumedCapacity = try container.decodeIfPresent([ConsumedCapacity].self, forKey: .consumedCapacity)
  }
}
