import NIOCore
import NIOHTTP1

/// Writes an HTTP response whose body is known whole: with its `Content-Length`, and `Connection` as the request
/// asked.
enum WholeResponse {
  static func write(
    status: Int, headers: [(String, String)], body: [UInt8], keepAlive: Bool,
    to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
  ) async throws {
    var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status))
    for (name, value) in headers { head.headers.add(name: name, value: value) }
    head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
    head.headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
    try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(ByteBuffer(bytes: body))), .end(nil)])
  }
}
