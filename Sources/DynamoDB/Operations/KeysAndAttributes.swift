/// The keys to read from one table in a BatchGetItem (also how unprocessed keys come back).
public struct KeysAndAttributes: Codable, Hashable, Sendable {
  /// Primary keys to read (up to 100 per request across tables).
  public var keys: [Item]
  /// Read the latest committed writes (twice the read capacity of an eventually consistent read).
  public var consistentRead: Bool?
  /// Attributes to return.
  public var projectionExpression: String?
  /// The attribute names that `#name` placeholders in the expressions stand for (reserved words, odd characters).
  public var expressionAttributeNames: [String: String]?

  /// Keys to read from one table.
  public init(
    keys: [Item], consistentRead: Bool? = nil, projectionExpression: String? = nil,
    expressionAttributeNames: [String: String]? = nil
  ) {
    self.keys = keys
    self.consistentRead = consistentRead
    self.projectionExpression = projectionExpression
    self.expressionAttributeNames = expressionAttributeNames
  }

  enum CodingKeys: String, CodingKey {
    case keys = "Keys"
    case consistentRead = "ConsistentRead"
    case projectionExpression = "ProjectionExpression"
    case expressionAttributeNames = "ExpressionAttributeNames"
  }
}
