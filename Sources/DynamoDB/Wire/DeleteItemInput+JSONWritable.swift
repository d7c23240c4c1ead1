extension DeleteItemInput: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("TableName", string: tableName)
    writer.member("Key", item: key)
    writer.member("ConditionExpression", string: conditionExpression)
    writer.member("ExpressionAttributeNames", stringMap: expressionAttributeNames)
    writer.member("ExpressionAttributeValues", item: expressionAttributeValues)
    writer.member("ReturnValues", string: returnValues?.rawValue)
    writer.member("ReturnValuesOnConditionCheckFailure", string: returnValuesOnConditionCheckFailure?.rawValue)
    writer.member("ReturnConsumedCapacity", string: returnConsumedCapacity?.rawValue)
    writer.endObject()
  }
}
