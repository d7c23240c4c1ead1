import NIOCore
import NIOHTTP1
import Synchronization

/// A request on an `HTTP1Connection` whose body is written in parts as they become available.
///
/// Every operation is queued on the connection's event loop in the order it was called, from whichever thread: a
/// part sent just before `finish` from another thread cannot arrive after the end. Each part goes out as soon as the
/// loop gets to it; parts queued while the loop was busy leave together, in one flush (one system call instead of
/// one each, the same chunks on the wire).
package struct HTTP1RequestStream: Sendable {
  private let channel: any Channel
  private let failure: ConnectionFailure
  private let response: EventLoopPromise<HTTP1Response>
  private let queued = QueuedParts()
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
    enqueue(HTTP1Outbound.streamHead(head, response: response), promise: written)
  }

  /// Queues one part of the body, flushed as its own chunk; the future completes once it is written to the socket.
  package func send(_ part: ByteBuffer) -> EventLoopFuture<Void> {
    let written = channel.eventLoop.makePromise(of: Void.self)
    enqueue(.streamBody(part), promise: written)
    return written.futureResult
  }

  /// Queues the end of the body with `trailers`; the future completes with the server's whole response.
  package func finish(trailers: HTTPHeaders?) -> EventLoopFuture<HTTP1Response> {
    let written = channel.eventLoop.makePromise(of: Void.self)
    written.futureResult.whenFailure { [failure, response] error in
      response.fail(failure.recorded ?? HTTP1ClientError.connectionClosed(reason: "\(error)"))
    }
    enqueue(.streamEnd(trailers), promise: written)
    return response.futureResult
  }

  /// Always through the event loop's queue, even on the loop itself: a direct write from the loop would overtake
  /// parts other threads queued before it. The last of the parts queued at a time flushes them all.
  private func enqueue(_ part: HTTP1Outbound, promise: EventLoopPromise<Void>) {
    let (channel, queued) = (channel, queued)
    queued.count.add(1, ordering: .relaxed)
    channel.eventLoop.execute {
      channel.write(part, promise: promise)
      if queued.count.subtract(1, ordering: .relaxed).newValue == 0 { channel.flush() }
    }
  }
}

/// How many parts of a stream are queued on the event loop and not yet written.
private final class QueuedParts: Sendable {
  let count = Atomic<Int>(0)
}
