import NIOCore
import NIOHTTP1

/// A request on an `HTTP1Connection` whose body is written in parts as they become available.
///
/// Every operation is queued on the connection's event loop in the order it was called, from whichever thread: a
/// part sent just before `finish` from another thread cannot arrive after the end.
package struct HTTP1RequestStream: Sendable {
  private let channel: any Channel
  private let failure: ConnectionFailure
  private let response: EventLoopPromise<HTTP1Response>
  /// Completes once the head is written (or fails when it cannot be).
  package let headWritten: EventLoopFuture<Void>

  init(channel: any Channel, failure: ConnectionFailure, head: HTTPRequestHead) {
    self.channel = channel
    self.failure = failure
    let response = channel.eventLoop.makePromise(of: HTTP1Response.self)
    self.response = response
    let written = channel.eventLoop.makePromise(of: Void.self)
    headWritten = written.futureResult
    // A write that fails before reaching the exchange handler (connection already closed) must end the wait too.
    written.futureResult.whenFailure { error in
      response.fail(failure.recorded ?? HTTP1ClientError.connectionClosed(reason: "\(error)"))
    }
    Self.enqueue(HTTP1Outbound.streamHead(head, response: response), on: channel, promise: written)
  }

  /// Queues one part of the body, flushed as its own chunk; the future completes once it is written to the socket.
  package func send(_ part: ByteBuffer) -> EventLoopFuture<Void> {
    let written = channel.eventLoop.makePromise(of: Void.self)
    Self.enqueue(.streamBody(part), on: channel, promise: written)
    return written.futureResult
  }

  /// Queues the end of the body with `trailers`; the future completes with the server's whole response.
  package func finish(trailers: HTTPHeaders?) -> EventLoopFuture<HTTP1Response> {
    let written = channel.eventLoop.makePromise(of: Void.self)
    written.futureResult.whenFailure { [failure, response] error in
      response.fail(failure.recorded ?? HTTP1ClientError.connectionClosed(reason: "\(error)"))
    }
    Self.enqueue(.streamEnd(trailers), on: channel, promise: written)
    return response.futureResult
  }

  /// Always through the event loop's queue, even on the loop itself: a direct write from the loop would overtake
  /// parts other threads queued before it.
  private static func enqueue(_ part: HTTP1Outbound, on channel: any Channel, promise: EventLoopPromise<Void>) {
    channel.eventLoop.execute { channel.writeAndFlush(part, promise: promise) }
  }
}
