import SharedSupport

extension APIGatewayResponse {
  /// The response as the JSON the Runtime API takes back, members and headers in sorted order, written straight into
  /// bytes: `JSONEncoder` first builds a tree of even this four-member object, which cost a request about as much as
  /// its SigV4 signature. Strings are escaped by `JSONWriter`, which may spell a character as a `\u` escape where
  /// the encoder did not; the decoded strings are the same.
  package var jsonBytes: [UInt8] {
    var writer = JSONWriter(capacity: body.utf8.count + 64 * (headers.count + 1))
    writer.beginObject()
    writer.key("body" as StaticString)
    writer.string(body)
    writer.key("headers" as StaticString)
    writer.beginObject()
    for name in headers.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      writer.member(name, headers[name] ?? "")
    }
    writer.endObject()
    writer.key("isBase64Encoded" as StaticString)
    writer.bool(isBase64Encoded)
    writer.key("statusCode" as StaticString)
    writer.integer(statusCode)
    writer.endObject()
    return writer.bytes
  }
}
