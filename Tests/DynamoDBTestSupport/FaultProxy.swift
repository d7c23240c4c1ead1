import Foundation
import HTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

@testable import DynamoDB

/// A real loopback HTTP server that forwards to moto but injects faults: 500s, throttling, dropped connections,
/// corrupted CRCs, signature-time rejections, transaction conflicts, and answers lost after moto applied the
/// request. It adds a correct `x-amz-crc32` to forwarded answers. Given a TLS context it serves HTTPS (as
/// `https://localhost:PORT`), a TLS front for moto. Shared by the DynamoDB and CarbonTrack tests.
package final class FaultProxy: Sendable {
  package enum Fault: Sendable {
    case internalError
    case throttle
    /// The connection is closed before the request reaches moto.
    case dropConnection
    /// The request reaches moto and is applied; its answer is lost (the connection closes instead).
    case dropResponse
    case corruptCRC
    case validation
    /// `TransactionConflictException`: the items are in another transaction's way.
    case transactionConflict
    case signatureExpired(serverDate: Date)
  }

  /// One request as the plan sees it.
  package struct Attempt: Sendable {
    /// Position among all requests, from 0.
    package var index: Int
    /// The operation, e.g. `DynamoDB_20120810.PutItem`.
    package var target: String
    /// Position among the requests for the same operation, from 0.
    package var indexOfTarget: Int
  }

  package struct Received: Sendable {
    package var target: String
    package var amzDate: String
    /// The `X-Amzn-Trace-Id` header, if the request had one.
    package var traceHeader: String?
    /// The request body as text.
    package var body: String
  }

  package let port: Int
  package let isTLS: Bool
  private let upstream: String
  private let plan: @Sendable (Attempt) -> Fault?
  private let log = Mutex<[Received]>([])
  private let channel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>

  package var endpoint: String { isTLS ? "https://localhost:\(port)" : "http://127.0.0.1:\(port)" }
  package var received: [Received] { log.withLock { $0 } }

  private init(
    channel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>, upstream: String,
    isTLS: Bool, plan: @escaping @Sendable (Attempt) -> Fault?
  ) throws {
    self.channel = channel
    self.isTLS = isTLS
    guard let port = channel.channel.localAddress?.port else { throw ChannelError.inappropriateOperationForState }
    self.port = port
    self.upstream = upstream
    self.plan = plan
  }

  /// Runs `body` with a proxy in front of `upstream` whose n-th request (0-based) suffers `plan(n)`.
  package static func run<T: Sendable>(
    upstream: String, tls: NIOSSLContext? = nil, plan: @escaping @Sendable (Int) -> Fault?,
    _ body: (FaultProxy) async throws -> T
  ) async throws -> T {
    try await run(upstream: upstream, tls: tls, planByAttempt: { plan($0.index) }, body)
  }

  /// Runs `body` with a proxy in front of `upstream` where each request suffers what `plan` says for it.
  package static func run<T: Sendable>(
    upstream: String, tls: NIOSSLContext? = nil, planByAttempt plan: @escaping @Sendable (Attempt) -> Fault?,
    _ body: (FaultProxy) async throws -> T
  ) async throws -> T {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .bind(host: "127.0.0.1", port: 0) { child in
        child.eventLoop.makeCompletedFuture {
          if let tls { try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
          try child.pipeline.syncOperations.configureHTTPServerPipeline()
          return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: child)
        }
      }
    let proxy = try FaultProxy(channel: channel, upstream: upstream, isTLS: tls != nil, plan: plan)
    return try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await proxy.serve() }
      defer { group.cancelAll() }
      let result: T
      do {
        result = try await body(proxy)
      } catch {
        try? await proxy.stop()
        throw error
      }
      try await proxy.stop()
      return result
    }
  }

  private func stop() async throws {
    try? await channel.channel.close()
  }

  private func serve() async throws {
    try await channel.executeThenClose { connections in
      try await withThrowingDiscardingTaskGroup { group in
        for try await connection in connections {
          group.addTask { try? await self.handle(connection) }
        }
      }
    }
  }

  private func handle(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async throws {
    try await connection.executeThenClose { inbound, outbound in
      var head: HTTPRequestHead?
      var body = ByteBuffer()
      for try await part in inbound {
        switch part {
        case .head(let requestHead):
          head = requestHead
          body.clear()
        case .body(let chunk):
          body.writeImmutableBuffer(chunk)
        case .end:
          guard let head, let reply = try await respond(head, body) else { return }
          try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: reply.0, headers: reply.1)))
          try await outbound.write(.body(.byteBuffer(reply.2)))
          try await outbound.write(.end(nil))
        }
      }
    }
  }

  /// The reply for one request, or `nil` to drop the connection.
  private func respond(_ head: HTTPRequestHead, _ body: ByteBuffer) async throws
    -> (HTTPResponseStatus, HTTPHeaders, ByteBuffer)?
  {
    let target = head.headers.first(name: "X-Amz-Target") ?? ""
    let attempt = log.withLock { log in
      log.append(
        Received(
          target: target, amzDate: head.headers.first(name: "X-Amz-Date") ?? "",
          traceHeader: head.headers.first(name: "X-Amzn-Trace-Id"), body: String(buffer: body)))
      return Attempt(
        index: log.count - 1, target: target, indexOfTarget: log.lazy.filter { $0.target == target }.count - 1)
    }
    switch plan(attempt) {
    case .dropConnection:
      return nil
    case .dropResponse:
      _ = try await forward(head, body)
      return nil
    case .internalError:
      return Self.error(.internalServerError, "InternalServerError")
    case .throttle:
      return Self.error(.badRequest, "ProvisionedThroughputExceededException")
    case .validation:
      return Self.error(.badRequest, "ValidationException")
    case .transactionConflict:
      return Self.error(.badRequest, "TransactionConflictException")
    case .signatureExpired(let serverDate):
      var reply = Self.error(.badRequest, "InvalidSignatureException")
      reply.1.replaceOrAdd(name: "Date", value: Self.imfFixdate(serverDate))
      return reply
    case .corruptCRC:
      var reply = try await forward(head, body)
      let crc = CRC32.checksum(reply.2.readableBytesView) &+ 1
      reply.1.replaceOrAdd(name: "x-amz-crc32", value: String(crc))
      return reply
    case nil:
      return try await forward(head, body)
    }
  }

  private func forward(_ head: HTTPRequestHead, _ body: ByteBuffer) async throws
    -> (HTTPResponseStatus, HTTPHeaders, ByteBuffer)
  {
    var headers = HTTPHeaders()
    for (name, value) in head.headers where !["host", "content-length"].contains(name.lowercased()) {
      headers.add(name: name, value: value)
    }
    let response = try await HTTP1Client.shared.execute(
      head.method, url: upstream + head.uri, headers: headers, body: Array(body.readableBytesView),
      timeout: .seconds(30))
    var replyHeaders = HTTPHeaders()
    replyHeaders.add(
      name: "Content-Type", value: response.headers.first(name: "Content-Type") ?? "application/x-amz-json-1.0")
    replyHeaders.add(name: "x-amz-crc32", value: String(CRC32.checksum(response.body)))
    return (HTTPResponseStatus(statusCode: response.status), replyHeaders, ByteBuffer(bytes: response.body))
  }

  private static func error(_ status: HTTPResponseStatus, _ code: String) -> (
    HTTPResponseStatus, HTTPHeaders, ByteBuffer
  ) {
    let body = #"{"__type":"com.amazonaws.dynamodb.v20120810#\#(code)","message":"injected \#(code)"}"#
    var headers = HTTPHeaders()
    headers.add(name: "Content-Type", value: "application/x-amz-json-1.0")
    return (status, headers, ByteBuffer(string: body))
  }

  private static func imfFixdate(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter.string(from: date)
  }
}
