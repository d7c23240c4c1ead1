import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One HTTP/1.1 connection (TLS when the origin is https) that carries one request at a time.
struct HTTP1Connection: Sendable {
  let channel: any Channel

  static func connect(
    to origin: HTTP1Origin, on eventLoop: any EventLoop, tls: NIOSSLContext?, configuration: HTTP1Client.Configuration
  ) async throws -> HTTP1Connection {
    // SNI carries names only; an IP literal is verified against the certificate's IP entries instead.
    let serverName =
      origin.host.contains(":") || origin.host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : origin.host
    let maxResponseBytes = configuration.maxResponseBytes
    do {
      let channel = try await ClientBootstrap(group: eventLoop)
        .connectTimeout(.nanoseconds(configuration.connectTimeout.wholeNanoseconds))
        .channelOption(.tcpOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            if let tls {
              try pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
            }
            try pipeline.addHTTPClientHandlers()
            try pipeline.addHandler(HTTP1ExchangeHandler(origin: origin, maxResponseBytes: maxResponseBytes))
          }
        }
        .connect(host: origin.host, port: origin.port).get()
      return HTTP1Connection(channel: channel)
    } catch {
      throw HTTP1ClientError.connectFailed(origin: origin.description, reason: "\(error)")
    }
  }

  /// Sends one request and waits for its whole response, at most `timeout`; a timeout or a cancelled task closes
  /// the connection (a late response must never be read as the answer to the next request).
  func send(head: HTTPRequestHead, body: [UInt8], timeout: Duration) async throws -> HTTP1Response {
    let channel = self.channel
    let response = channel.eventLoop.makePromise(of: HTTP1Response.self)
    let milliseconds = timeout.wholeNanoseconds / 1_000_000
    let timer = channel.eventLoop.scheduleTask(in: .nanoseconds(timeout.wholeNanoseconds)) {
      response.fail(HTTP1ClientError.timedOut(afterMilliseconds: milliseconds))
      channel.close(promise: nil)
    }
    response.futureResult.whenComplete { _ in timer.cancel() }
    var buffer: ByteBuffer?
    if !body.isEmpty { buffer = channel.allocator.buffer(bytes: body) }
    let written = channel.eventLoop.makePromise(of: Void.self)
    written.futureResult.whenFailure { error in
      response.fail(HTTP1ClientError.connectionClosed(reason: "\(error)"))
    }
    channel.writeAndFlush(HTTP1Exchange(head: head, body: buffer, response: response), promise: written)
    return try await withTaskCancellationHandler {
      try await response.futureResult.get()
    } onCancel: {
      response.fail(CancellationError())
      channel.close(promise: nil)
    }
  }

  func close() {
    channel.close(promise: nil)
  }
}

extension Duration {
  /// Whole nanoseconds, saturating at `Int64.max`.
  var wholeNanoseconds: Int64 {
    let (seconds, attoseconds) = components
    let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    return overflow ? .max : scaled + attoseconds / 1_000_000_000
  }
}
