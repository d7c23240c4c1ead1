import SharedSupport

extension UpdateItemInput: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("TableName", string: tableName)
    writer.member("Key", item: key)
    writer.member("UpdateExpression", string: updateExpression)
    writer.conditionalMembers(of: self)
    writer.endObject()
  }
}
