import NIOCore
import NIOHTTP1
import NIOPosix
import SharedSupport

/// One HTTP/1.1 connection that carries one request at a time: each connection of `HTTP1Client`'s pools.
package struct HTTP1Connection: Sendable {
  /// Adds handlers in front of the HTTP codec (TLS), on the connection's event loop.
  package typealias PipelineSetup = @Sendable (ChannelPipeline.SynchronousOperations) throws -> Void

  package let channel: any Channel
  private let failure: ConnectionFailure

  package static func connect(
    to origin: HTTP1Origin, on eventLoop: any EventLoop, connectTimeout: Duration, maxResponseBytes: Int,
    setUp: PipelineSetup? = nil
  ) async throws -> HTTP1Connection {
    let failure = ConnectionFailure()
    do {
      let channel = try await ClientBootstrap(group: eventLoop)
        .connectTimeout(.nanoseconds(connectTimeout.wholeNanoseconds))
        .channelOption(.tcpOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            try setUp?(pipeline)
            try pipeline.addHandler(HTTP1RequestEncoder(failure: failure))
            try pipeline.addHandler(ByteToMessageHandler(HTTPResponseDecoder(leftOverBytesStrategy: .dropBytes)))
            try pipeline.addHandler(NIOHTTPClientResponseAggregator(maxContentLength: maxResponseBytes))
            try pipeline.addHandler(HTTP1ExchangeHandler(maxResponseBytes: maxResponseBytes, failure: failure))
          }
        }
        .connect(host: origin.host, port: origin.port).get()
      return HTTP1Connection(channel: channel, failure: failure)
    } catch {
      throw HTTP1ConnectionError.connectFailed(origin: origin.description, reason: "\(error)")
    }
  }

  /// Sends one request and waits for its whole response, at most `timeout` when one is given; a timeout or a
  /// cancelled task closes the connection (a late response must never be read as the answer to the next
  /// request).
  package func send(head: HTTPRequestHead, body: [UInt8], timeout: Duration?) async throws -> HTTP1Response {
    let (channel, failure) = (self.channel, self.failure)
    let response = channel.eventLoop.makePromise(of: HTTP1Response.self)
    if let timeout {
      let milliseconds = timeout.wholeNanoseconds / 1_000_000
      let timer = channel.eventLoop.scheduleTask(in: .nanoseconds(timeout.wholeNanoseconds)) {
        response.fail(HTTP1ConnectionError.timedOut(afterMilliseconds: milliseconds))
        channel.close(promise: nil)
      }
      response.futureResult.whenComplete { _ in timer.cancel() }
    }
    var buffer: ByteBuffer?
    if !body.isEmpty { buffer = channel.allocator.buffer(bytes: body) }
    // A write that fails before reaching the handler (connection already closed) must still end the wait.
    let written = channel.eventLoop.makePromise(of: Void.self)
    written.futureResult.whenFailure { error in
      response.fail(
        failure.recorded ?? (error as? HTTP1ConnectionError) ?? .connectionClosed(reason: "\(error)"))
    }
    channel.writeAndFlush(
      HTTP1Exchange(head: head, body: buffer, response: response), promise: written)
    return try await withTaskCancellationHandler {
      try await response.futureResult.get()
    } onCancel: {
      response.fail(CancellationError())
      channel.close(promise: nil)
    }
  }

  package func close() {
    channel.close(promise: nil)
  }
}
