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

  /// The request being read.
  private enum Incoming {
    case buffered(HTTPRequestHead, body: [UInt8], tooLarge: Bool)
    case streamed(StreamedResponseUpload)
  }

  func serve(_ connection: RuntimeAPIListener.Connection) async {
    connections.add(connection.channel)
    let (state, number) = (routes.state, origin.connection)
    await state.connectionOpened(number)
    // A process that dies while its `/next` waits closes this connection; the waiter must go at once, not when an
    // event is written to it and lost. NIO reports the close outside any task, hence the unstructured task.
    connection.channel.closeFuture.whenComplete { _ in Task { await state.connectionClosed(number) } }
    defer { connections.remove(connection.channel) }
    try? await connection.executeThenClose { inbound, outbound in
      var incoming: Incoming?
      do {
        for try await part in inbound {
          switch (part, incoming) {
          case (.head(let head), _):
            if let upload = await routes.beginStreamedResponse(head) {
              incoming = .streamed(upload)
            } else {
              incoming = .buffered(head, body: [], tooLarge: false)
            }
          case (.body(let chunk), .streamed(var upload)):
            await upload.receive(chunk)
            incoming = .streamed(upload)
          case (.body(let chunk), .buffered(let head, var body, let tooLarge)):
            // Dropped from `incoming` while appending, so the array is not copied.
            incoming = nil
            let over = tooLarge || body.count + chunk.readableBytes > Self.maxBufferedBody
            if !over { body += chunk.readableBytesView }
            incoming = .buffered(head, body: over ? [] : body, tooLarge: over)
          case (.end(let trailers), .streamed(let upload)):
            incoming = nil
            let response = await upload.end(trailers: trailers)
            try await write(response, keepAlive: upload.head.isKeepAlive, outbound)
            if !upload.head.isKeepAlive { return }
          case (.end, .buffered(let head, let body, let tooLarge)):
            incoming = nil
            guard try await answer(head, body: body, tooLarge: tooLarge, outbound) else { return }
          case (.body, nil), (.end, nil):
            continue
          }
        }
      } catch {
        if case .streamed(let upload) = incoming { await upload.interrupted(in: origin) }
        throw error
      }
      if case .streamed(let upload) = incoming { await upload.interrupted(in: origin) }
    }
  }

  /// Answers a request read whole; returns whether the connection stays open.
  private func answer(
    _ head: HTTPRequestHead, body: [UInt8], tooLarge: Bool,
    _ outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
  ) async throws -> Bool {
    if tooLarge {
      try await write(
        .error(413, type: "RequestEntityTooLarge", message: "Body too large."), keepAlive: false, outbound)
      return false
    }
    let request = RecordedRequest(
      method: head.method.rawValue, path: head.uri,
      headers: head.headers.map { RecordedRequest.Header(name: $0.name, value: $0.value) }, body: body)
    guard let response = await routes.respond(to: request, from: origin) else { return false }
    do {
      try await write(response, keepAlive: head.isKeepAlive, outbound)
    } catch {
      if let delivered = response.delivered { await routes.state.requeue(delivered) }
      throw error
    }
    return head.isKeepAlive
  }

  private func write(
    _ response: LocalResponse,
    keepAlive: Bool,
    _ outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
  ) async throws {
    if let stream = response.stream {
      try await StreamedAnswerWriter(stream: stream, keepAlive: keepAlive, outbound: outbound).write()
      return
    }
    try await WholeResponse.write(
      status: response.status, headers: response.headers, body: response.body, keepAlive: keepAlive, to: outbound)
  }
}
