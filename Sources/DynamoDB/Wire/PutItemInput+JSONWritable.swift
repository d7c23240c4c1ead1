import SharedSupport

extension PutItemInput: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("TableName", string: tableName)
    writer.member("Item", item: item)
    writer.conditionalMembers(of: self)
    writer.endObject()
  }
}
