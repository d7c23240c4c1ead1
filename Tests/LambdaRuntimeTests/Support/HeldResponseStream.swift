import NIOCore
import NIOPosix
import Synchronization

@testable import LambdaRuntime

/// A response stream whose chunks stay "on their way" until the test confirms or fails them, as a slow or broken
/// connection would keep them.
final class HeldResponseStream: ResponseStream {
  private let pending = Mutex<[@Sendable (Result<Void, any Error>) -> Void]>([])
  private let eventLoop = MultiThreadedEventLoopGroup.singleton.next()

  /// How many chunks were sent and are not confirmed yet.
  var held: Int { pending.withLock { $0.count } }

  func send(_ chunk: ByteBuffer, whenWritten: @escaping @Sendable (Result<Void, any Error>) -> Void) {
    pending.withLock { $0.append(whenWritten) }
  }

  func finish(error: ErrorReport?) -> EventLoopFuture<Int> {
    eventLoop.makeSucceededFuture(202)
  }

  /// Completes the oldest held chunk with `result`.
  func complete(_ result: Result<Void, any Error>) {
    let next = pending.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    next?(result)
  }
}
