import SharedSupport

/// The start of a streamed response for a function URL (`application/vnd.awslambda.http-integration-response`): a
/// JSON object with the HTTP status, headers and cookies, then eight NUL bytes, then the body.
enum FunctionURLPrelude {
  static let contentType = "application/vnd.awslambda.http-integration-response"
  /// What separates the JSON from the body.
  static let separator = [UInt8](repeating: 0, count: 8)

  /// `{"statusCode":…,"headers":{…},"cookies":[…]}` followed by the separator; headers in name order.
  static func bytes(statusCode: Int, headers: [String: String], cookies: [String]) -> [UInt8] {
    var writer = JSONWriter(capacity: 64 + headers.count * 48 + cookies.count * 48)
    writer.beginObject()
    writer.key("statusCode")
    writer.integer(statusCode)
    writer.key("headers")
    writer.beginObject()
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) { writer.member(name, value) }
    writer.endObject()
    writer.key("cookies")
    writer.beginArray()
    for cookie in cookies { writer.string(cookie) }
    writer.endArray()
    writer.endObject()
    return writer.bytes + separator
  }
}
