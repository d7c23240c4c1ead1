import SharedSupport

extension QueryInput: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("TableName", string: tableName)
    writer.member("IndexName", string: indexName)
    writer.member("KeyConditionExpression", string: keyConditionExpression)
    writer.member("FilterExpression", string: filterExpression)
    writer.member("ProjectionExpression", string: projectionExpression)
    writer.member("ExpressionAttributeNames", stringMap: expressionAttributeNames)
    writer.member("ExpressionAttributeValues", item: expressionAttributeValues)
    writer.member("ScanIndexForward", bool: scanIndexForward)
    writer.member("Limit", int: limit)
    writer.member("ExclusiveStartKey", item: exclusiveStartKey)
    writer.member("ConsistentRead", bool: consistentRead)
    writer.member("Select", string: select?.rawValue)
    writer.member("ReturnConsumedCapacity", string: returnConsumedCapacity?.rawValue)
    writer.endObject()
  }
}
