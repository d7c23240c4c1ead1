import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 that answers every request with `respond` and records what it received.
final class LoopbackHTTPServer: Sendable {
  struct Received: Sendable {
    let uri: String
    let headers: [(String, String)]
  }

  let port: Int
  private let channel: any Channel
  private let log: RequestLog

  var requests: [Received] { log.entries.withLock { $0 } }

  init(respond: @escaping @Sendable (String) -> (status: Int, body: String)) async throws {
    let log = RequestLog()
    let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.pipeline.configureHTTPServerPipeline().flatMap {
          channel.pipeline.addHandler(Responder(respond: respond, log: log))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    channel = server
    port = server.localAddress?.port ?? 0
    self.log = log
  }

  func shutdown() async throws {
    try await channel.close()
  }

  private final class Responder: ChannelInboundHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    let respond: @Sendable (String) -> (status: Int, body: String)
    let log: RequestLog

    init(respond: @escaping @Sendable (String) -> (status: Int, body: String), log: RequestLog) {
      self.respond = respond
      self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      guard case .head(let head) = unwrapInboundIn(data) else {
        if case .end = unwrapInboundIn(data) { context.flush() }
        return
      }
      log.entries.withLock { $0.append(Received(uri: head.uri, headers: head.headers.map { ($0.name, $0.value) })) }
      let answer = respond(head.uri)
      var headers = HTTPHeaders()
      headers.add(name: "Content-Length", value: String(answer.body.utf8.count))
      headers.add(name: "Content-Type", value: "application/json")
      let responseHead = HTTPResponseHead(
        version: head.version, status: HTTPResponseStatus(statusCode: answer.status), headers: headers)
      context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
      context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: answer.body)))), promise: nil)
      context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
  }
}

/// What a `LoopbackHTTPServer` has received so far.
final class RequestLog: Sendable {
  let entries = Mutex<[LoopbackHTTPServer.Received]>([])
}
