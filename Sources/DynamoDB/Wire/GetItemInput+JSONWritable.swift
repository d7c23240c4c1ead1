extension GetItemInput: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("TableName", string: tableName)
    writer.member("Key", item: key)
    if let consistentRead {
      writer.member("ConsistentRead")
      writer.bool(consistentRead)
    }
    writer.member("ProjectionExpression", string: projectionExpression)
    writer.member("ExpressionAttributeNames", stringMap: expressionAttributeNames)
    writer.member("ReturnConsumedCapacity", string: returnConsumedCapacity?.rawValue)
    writer.endObject()
  }
}
