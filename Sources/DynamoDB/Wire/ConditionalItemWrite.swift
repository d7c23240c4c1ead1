import SharedSupport

/// The members PutItem, UpdateItem and DeleteItem share on the wire: the condition and what to return.
protocol ConditionalItemWrite {
  var conditionExpression: String? { get }
  var expressionAttributeNames: [String: String]? { get }
  var expressionAttributeValues: Item? { get }
  var returnValues: ReturnValue? { get }
  var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? { get }
  var returnConsumedCapacity: ReturnConsumedCapacity? { get }
}

extension PutItemInput: ConditionalItemWrite {}
extension DeleteItemInput: ConditionalItemWrite {}
extension UpdateItemInput: ConditionalItemWrite {}

extension JSONWriter {
  /// Writes the condition and return members of `write`.
  mutating func conditionalMembers(of write: some ConditionalItemWrite) {
    member("ConditionExpression", string: write.conditionExpression)
    member("ExpressionAttributeNames", stringMap: write.expressionAttributeNames)
    member("ExpressionAttributeValues", item: write.expressionAttributeValues)
    member("ReturnValues", string: write.returnValues?.rawValue)
    member("ReturnValuesOnConditionCheckFailure", string: write.returnValuesOnConditionCheckFailure?.rawValue)
    member("ReturnConsumedCapacity", string: write.returnConsumedCapacity?.rawValue)
  }
}
