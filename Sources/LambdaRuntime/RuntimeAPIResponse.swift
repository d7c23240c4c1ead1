import NIOCore
import NIOHTTP1

/// One complete HTTP response from the Runtime API.
struct RuntimeAPIResponse: Sendable {
  var head: HTTPResponseHead
  var body: ByteBuffer

  var statusCode: Int { Int(head.status.code) }

  var bodyText: String { String(buffer: body) }
}
