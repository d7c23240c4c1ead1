import SharedSupport

/// An HTTP answer of the local server; `delivered` is set when it hands an event to the function, `stream` when
/// the answer is a function's streamed response, relayed as it arrives.
struct LocalResponse: Sendable {
  var status: Int
  var headers: [(String, String)] = []
  var body: [UInt8] = []
  var delivered: QueuedInvocation?
  var stream: LocalResponseStream?

  static func json(_ status: Int, _ body: [UInt8]) -> LocalResponse {
    LocalResponse(status: status, headers: [("Content-Type", "application/json")], body: body)
  }

  static func error(_ status: Int, type: String, message: String) -> LocalResponse {
    var writer = JSONWriter()
    writer.beginObject()
    writer.member("errorMessage", message)
    writer.member("errorType", type)
    writer.endObject()
    return json(status, writer.bytes)
  }

  static let accepted = json(202, Array(#"{"status":"OK"}"#.utf8))
}
