import LambdaRuntime
import NIOCore
import NIOHTTP1

/// Serves the requests of one keep-alive connection to the local server, one at a time.
struct LocalLambdaConnection: Sendable {
  /// Bodies beyond this are not buffered; such requests get HTTP 413 and the connection closes.
  static let maxBufferedBody = 32 * 1024 * 1024

  let routes: LocalLambdaRoutes
  let connections: ConnectionRegistry
  /// Who is on the other end: the sandbox whose port it came in on, and this connection's number.
  let origin: RequestOrigin

  func serve(_ connection: RuntimeAPIListener.Connection) async {
    connections.add(connection.channel)
    let (state, number) = (routes.state, origin.connection)
    await state.connectionOpened(number)
    // A process that dies while its `/next` waits closes this connection; the waiter must go at once, not when an
    // event is written to it and lost. NIO reports the close outside any task, hence the unstructured task.
    connection.channel.closeFuture.whenComplete { _ in Task { await state.connectionClosed(number) } }
    defer { connections.remove(connection.channel) }
    try? await connection.executeThenClose { inbound, outbound in
      var head: HTTPRequestHead?
      var body: [UInt8] = []
      var tooLarge = false
      for try await part in inbound {
        switch part {
        case .head(let requestHead):
          head = requestHead
          body = []
          tooLarge = false
        case .body(let chunk):
          if body.count + chunk.readableBytes > Self.maxBufferedBody {
            tooLarge = true
          } else {
            body += chunk.readableBytesView
          }
        case .end:
          guard let requestHead = head else { continue }
          if tooLarge {
            try await write(
              .error(413, type: "RequestEntityTooLarge", message: "Body too large."), keepAlive: false, outbound)
            return
          }
          let request = RecordedRequest(
            method: requestHead.method.rawValue, path: requestHead.uri,
            headers: requestHead.headers.map { RecordedRequest.Header(name: $0.name, value: $0.value) }, body: body)
          guard let response = await routes.respond(to: request, from: origin) else { return }
          do {
            try await write(response, keepAlive: requestHead.isKeepAlive, outbound)
          } catch {
            if let delivered = response.delivered { await routes.state.requeue(delivered) }
            throw error
          }
          if !requestHead.isKeepAlive { return }
        }
      }
    }
  }

  private func write(
    _ response: LocalResponse,
    keepAlive: Bool,
    _ outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
  ) async throws {
    var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status))
    for (name, value) in response.headers { head.headers.add(name: name, value: value) }
    head.headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
    head.headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
    try await outbound.write(contentsOf: [
      .head(head), .body(.byteBuffer(ByteBuffer(bytes: response.body))), .end(nil),
    ])
  }
}
