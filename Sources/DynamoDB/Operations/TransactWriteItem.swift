/// One action of a TransactWriteItems call: a put, update, delete or condition check.
public struct TransactWriteItem: Encodable, Sendable {
  /// The action kind, named as on the wire.
  public enum Action: String, Sendable {
    case put = "Put"
    case update = "Update"
    case delete = "Delete"
    case conditionCheck = "ConditionCheck"
  }

  /// What this action does.
  public var action: Action
  public var tableName: String
  /// The whole item, for puts.
  public var item: Item?
  /// The primary key, for updates, deletes and condition checks.
  public var key: Item?
  public var updateExpression: String?
  /// Condition that must hold (required for condition checks).
  public var conditionExpression: String?
  /// The attribute names that `#name` placeholders in the expressions stand for (reserved words, odd characters).
  public var expressionAttributeNames: [String: String]?
  /// Values for the `:value` placeholders in the expressions.
  public var expressionAttributeValues: Item?
  /// Return the existing item in the cancellation reason when the condition fails.
  public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

  /// Store `item`, optionally only if `conditionExpression` holds.
  public static func put(
    tableName: String, item: Item, conditionExpression: String? = nil,
    expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: Item? = nil,
    returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
  ) -> TransactWriteItem {
    TransactWriteItem(
      action: .put, tableName: tableName, item: item, conditionExpression: conditionExpression,
      expressionAttributeNames: expressionAttributeNames, expressionAttributeValues: expressionAttributeValues,
      returnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure)
  }

  /// Apply `updateExpression` to the item with `key`.
  public static func update(
    tableName: String, key: Item, updateExpression: String, conditionExpression: String? = nil,
    expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: Item? = nil,
    returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
  ) -> TransactWriteItem {
    TransactWriteItem(
      action: .update, tableName: tableName, key: key, updateExpression: updateExpression,
      conditionExpression: conditionExpression, expressionAttributeNames: expressionAttributeNames,
      expressionAttributeValues: expressionAttributeValues,
      returnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure)
  }

  /// Delete the item with `key`.
  public static func delete(
    tableName: String, key: Item, conditionExpression: String? = nil,
    expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: Item? = nil,
    returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
  ) -> TransactWriteItem {
    TransactWriteItem(
      action: .delete, tableName: tableName, key: key, conditionExpression: conditionExpression,
      expressionAttributeNames: expressionAttributeNames, expressionAttributeValues: expressionAttributeValues,
      returnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure)
  }

  /// Require `conditionExpression` to hold for the item with `key`, without writing it.
  public static func conditionCheck(
    tableName: String, key: Item, conditionExpression: String,
    expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: Item? = nil,
    returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
  ) -> TransactWriteItem {
    TransactWriteItem(
      action: .conditionCheck, tableName: tableName, key: key, conditionExpression: conditionExpression,
      expressionAttributeNames: expressionAttributeNames, expressionAttributeValues: expressionAttributeValues,
      returnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure)
  }

  private struct ActionKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  private enum BodyKeys: String, CodingKey {
    case tableName = "TableName"
    case item = "Item"
    case key = "Key"
    case updateExpression = "UpdateExpression"
    case conditionExpression = "ConditionExpression"
    case expressionAttributeNames = "ExpressionAttributeNames"
    case expressionAttributeValues = "ExpressionAttributeValues"
    case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
  }

  public func encode(to encoder: any Encoder) throws {
    var outer = encoder.container(keyedBy: ActionKey.self)
    var body = outer.nestedContainer(keyedBy: BodyKeys.self, forKey: ActionKey(stringValue: action.rawValue))
    try body.encode(tableName, forKey: .tableName)
    try body.encodeIfPresent(item, forKey: .item)
    try body.encodeIfPresent(key, forKey: .key)
    try body.encodeIfPresent(updateExpression, forKey: .updateExpression)
    try body.encodeIfPresent(conditionExpression, forKey: .conditionExpression)
    try body.encodeIfPresent(expressionAttributeNames, forKey: .expressionAttributeNames)
    try body.encodeIfPresent(expressionAttributeValues, forKey: .expressionAttributeValues)
    try body.encodeIfPresent(returnValuesOnConditionCheckFailure, forKey: .returnValuesOnConditionCheckFailure)
  }
}
