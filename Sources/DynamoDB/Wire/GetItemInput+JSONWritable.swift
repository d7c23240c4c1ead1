extension GetItemInput: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("TableName")
    writer.string(tableName)
    writer.member("Key")
    writer.item(key)
    if let consistentRead {
      writer.member("ConsistentRead")
      writer.bool(consistentRead)
    }
    if let projectionExpression {
      writer.member("ProjectionExpression")
      writer.string(projectionExpression)
    }
    if let expressionAttributeNames {
      writer.member("ExpressionAttributeNames")
      writer.stringMap(expressionAttributeNames)
    }
    if let returnConsumedCapacity {
      writer.member("ReturnConsumedCapacity")
      writer.string(returnConsumedCapacity.rawValue)
    }
    writer.endObject()
  }
}
