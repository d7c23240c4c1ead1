import SharedSupport

extension GetItemInput: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("TableName", string: tableName)
    writer.member("Key", item: key)
    writer.member("ConsistentRead", bool: consistentRead)
    writer.member("ProjectionExpression", string: projectionExpression)
    writer.member("ExpressionAttributeNames", stringMap: expressionAttributeNames)
    writer.member("ReturnConsumedCapacity", string: returnConsumedCapacity?.rawValue)
    writer.endObject()
  }
}
