import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 (TLS when given a context) that does to each request what `script` says,
/// and counts the connections it accepted and saw closed.
final class ScriptedHTTPServer: Sendable {
  enum Reply: Sendable {
    case respond(status: Int, headers: [(String, String)], body: [UInt8])
    /// Never answers.
    case silence
    /// Announces a body, sends part of it and closes the connection.
    case closeMidBody

    /// A whole JSON answer.
    static func json(_ status: Int, _ body: String) -> Reply {
      .respond(status: status, headers: [("Content-Type", "application/json")], body: Array(body.utf8))
    }
  }

  struct Request: Sendable {
    let method: HTTPMethod
    let uri: String
    let headers: HTTPHeaders
    let body: [UInt8]
  }

  let port: Int
  private let channel: any Channel
  private let counters: Counters

  var acceptedConnections: Int { counters.accepted.load(ordering: .acquiring) }
  var closedConnections: Int { counters.closed.load(ordering: .acquiring) }
  var requests: [Request] { counters.requests.withLock { $0 } }

  init(tls: NIOSSLContext? = nil, script: @escaping @Sendable (Request) -> Reply) async throws {
    let counters = Counters()
    channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { child in
        counters.accepted.add(1, ordering: .acquiringAndReleasing)
        return child.eventLoop.makeCompletedFuture {
          let pipeline = child.pipeline.syncOperations
          if let tls { try pipeline.addHandler(NIOSSLServerHandler(context: tls)) }
          try pipeline.configureHTTPServerPipeline()
          try pipeline.addHandler(Responder(script: script, counters: counters))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    port = channel.localAddress?.port ?? 0
    self.counters = counters
  }

  func url(_ path: String = "/", host: String = "127.0.0.1", scheme: String = "http") -> String {
    "\(scheme)://\(host):\(port)\(path)"
  }

  func shutdown() async throws {
    try await channel.close()
  }

  private final class Counters: Sendable {
    let accepted = Atomic(0)
    let closed = Atomic(0)
    let requests = Mutex<[Request]>([])
  }

  private final class Responder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    let script: @Sendable (Request) -> Reply
    let counters: Counters
    var head: HTTPRequestHead?
    var body: [UInt8] = []

    init(script: @escaping @Sendable (Request) -> Reply, counters: Counters) {
      self.script = script
      self.counters = counters
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      switch unwrapInboundIn(data) {
      case .head(let requestHead):
        (head, body) = (requestHead, [])
      case .body(let chunk):
        body += chunk.readableBytesView
      case .end:
        guard let head else { return }
        let request = Request(method: head.method, uri: head.uri, headers: head.headers, body: body)
        counters.requests.withLock { $0.append(request) }
        reply(script(request), context: context)
      }
    }

    func channelInactive(context: ChannelHandlerContext) {
      counters.closed.add(1, ordering: .acquiringAndReleasing)
      context.fireChannelInactive()
    }

    private func reply(_ reply: Reply, context: ChannelHandlerContext) {
      switch reply {
      case .silence:
        return
      case .respond(let status, let extra, let bytes):
        var headers = HTTPHeaders(extra)
        headers.replaceOrAdd(name: "Content-Length", value: String(bytes.count))
        let head = HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
      case .closeMidBody:
        let head = HTTPResponseHead(version: .http1_1, status: .ok, headers: ["Content-Length": "100"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        let part = context.channel.allocator.buffer(string: "only ten b")
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(part))), promise: nil)
        context.close(promise: nil)
      }
    }
  }
}
