import NIOCore
import NIOHTTP1
import Synchronization

/// A request on an `HTTP1Connection` whose body is written in parts as they become available.
///
/// Every operation joins one queue in the order it was called, from whichever thread, and the connection's event
/// loop drains that queue: a part sent just before `finish` from another thread cannot arrive after the end. Only
/// the part that finds the queue empty wakes the loop; parts queued before it gets there leave with it, in one flush
/// (one wake-up and one system call instead of one each; the same chunks on the wire).
package struct HTTP1RequestStream: Sendable {
  private let channel: any Channel
  private let failure: ConnectionFailure
  private let response: EventLoopPromise<HTTP1Response>
  private let queue = OutboundQueue()
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
      response.fail(failure.recorded ?? HTTP1ConnectionError.connectionClosed(reason: "\(error)"))
    }
    enqueue(HTTP1Outbound.streamHead(head, response: response), promise: written, whenWritten: nil)
  }

  /// Queues one part of the body, flushed as its own chunk. `whenWritten` runs on the connection's event loop once
  /// the part is written to the socket, or has failed to be (a callback registered there costs no thread crossing,
  /// where a future's callback added from another thread would).
  package func send(_ part: ByteBuffer, whenWritten: @escaping @Sendable (Result<Void, any Error>) -> Void) {
    enqueue(.streamBody(part), promise: channel.eventLoop.makePromise(of: Void.self), whenWritten: whenWritten)
  }

  /// Queues the end of the body with `trailers`; the future completes with the server's whole response.
  package func finish(trailers: HTTPHeaders?) -> EventLoopFuture<HTTP1Response> {
    let written = channel.eventLoop.makePromise(of: Void.self)
    written.futureResult.whenFailure { [failure, response] error in
      response.fail(failure.recorded ?? HTTP1ConnectionError.connectionClosed(reason: "\(error)"))
    }
    enqueue(.streamEnd(trailers), promise: written, whenWritten: nil)
    return response.futureResult
  }

  /// Always through the queue, even on the loop itself: a direct write from the loop would overtake parts other
  /// threads queued before it.
  private func enqueue(
    _ part: HTTP1Outbound, promise: EventLoopPromise<Void>,
    whenWritten: (@Sendable (Result<Void, any Error>) -> Void)?
  ) {
    guard queue.append(OutboundQueue.Entry(part: part, promise: promise, whenWritten: whenWritten)) else { return }
    let (channel, queue) = (channel, queue)
    channel.eventLoop.execute {
      for entry in queue.takeAll() {
        if let whenWritten = entry.whenWritten { entry.promise.futureResult.whenComplete(whenWritten) }
        channel.write(entry.part, promise: entry.promise)
      }
      channel.flush()
    }
  }
}

/// The parts of a stream queued for its event loop and not yet handed to the channel.
private final class OutboundQueue: Sendable {
  struct Entry: Sendable {
    var part: HTTP1Outbound
    var promise: EventLoopPromise<Void>
    var whenWritten: (@Sendable (Result<Void, any Error>) -> Void)?
  }

  private let entries = Mutex<[Entry]>([])

  /// Adds `entry`; true when the queue was empty, so the caller must schedule the drain.
  func append(_ entry: Entry) -> Bool {
    entries.withLock { entries in
      entries.append(entry)
      return entries.count == 1
    }
  }

  /// Empties the queue, returning what it held in order.
  func takeAll() -> [Entry] {
    entries.withLock { entries in
      defer { entries.removeAll(keepingCapacity: true) }
      return entries
    }
  }
}
