import SharedSupport

extension DeleteItemInput: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("TableName", string: tableName)
    writer.member("Key", item: key)
    writer.conditionalMembers(of: self)
    writer.endObject()
  }
}
