extension PutItemInput: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("TableName")
    writer.string(tableName)
    writer.member("Item")
    writer.item(item)
    if let conditionExpression {
      writer.member("ConditionExpression")
      writer.string(conditionExpression)
    }
    if let expressionAttributeNames {
      writer.member("ExpressionAttributeNames")
      writer.stringMap(expressionAttributeNames)
    }
    if let expressionAttributeValues {
      writer.member("ExpressionAttributeValues")
      writer.item(expressionAttributeValues)
    }
    if let returnValues {
      writer.member("ReturnValues")
      writer.string(returnValues.rawValue)
    }
    if let returnValuesOnConditionCheckFailure {
      writer.member("ReturnValuesOnConditionCheckFailure")
      writer.string(returnValuesOnConditionCheckFailure.rawValue)
    }
    if let returnConsumedCapacity {
      writer.member("ReturnConsumedCapacity")
      writer.string(returnConsumedCapacity.rawValue)
    }
    writer.endObject()
  }
}
