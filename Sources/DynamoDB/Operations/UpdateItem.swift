public struct UpdateItemInput: Encodable, Sendable {
  public var tableName: String
  /// Full primary key.
  public var key: Item
  /// `SET a = :a ADD b :one REMOVE c ...`.
  public var updateExpression: String?
  /// Update only if this condition holds.
  public var conditionExpression: String?
  /// The attribute names that `#name` placeholders in the expressions stand for (reserved words, odd characters).
  public var expressionAttributeNames: [String: String]?
  /// Values for the `:value` placeholders in the expressions.
  public var expressionAttributeValues: Item?
  /// Which image to return.
  public var returnValues: ReturnValue?
  /// Return the existing item in the error when the condition fails.
  public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?
  public var returnConsumedCapacity: ReturnConsumedCapacity?

  /// An UpdateItem request.
  public init(
    tableName: String, key: Item, updateExpression: String? = nil, conditionExpression: String? = nil,
    expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: Item? = nil,
    returnValues: ReturnValue? = nil, returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil,
    returnConsumedCapacity: ReturnConsumedCapacity? = nil
  ) {
    self.tableName = tableName
    self.key = key
    self.updateExpression = updateExpression
    self.conditionExpression = conditionExpression
    self.expressionAttributeNames = expressionAttributeNames
    self.expressionAttributeValues = expressionAttributeValues
    self.returnValues = returnValues
    self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    self.returnConsumedCapacity = returnConsumedCapacity
  }

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
    case key = "Key"
    case updateExpression = "UpdateExpression"
    case conditionExpression = "ConditionExpression"
    case expressionAttributeNames = "ExpressionAttributeNames"
    case expressionAttributeValues = "ExpressionAttributeValues"
    case returnValues = "ReturnValues"
    case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    case returnConsumedCapacity = "ReturnConsumedCapacity"
  }
}

public struct UpdateItemOutput: Decodable, Sendable {
  /// The image chosen by `returnValues`.
  public var attributes: Item?
  /// Capacity consumed, if asked for.
  public var consumedCapacity: ConsumedCapacity?

  enum CodingKeys: String, CodingKey {
    case attributes = "Attributes"
    case consumedCapacity = "ConsumedCapacity"
  }
}
