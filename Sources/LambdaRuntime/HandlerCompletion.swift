import HTTPConnection
import NIOCore
import Synchronization

/// Tells whether a handler's task has ended, so that after a timeout the loop can tell a handler that stopped from
/// one that ignores cancellation and would keep running into the next invocation.
final class HandlerCompletion: Sendable {
  private struct State {
    var isFinished = false
    var waiter: CheckedContinuation<Bool, Never>?
  }

  private let state = Mutex(State())

  /// Records that the handler's task has ended (or was never started).
  func markFinished() {
    let waiter = state.withLock { state in
      state.isFinished = true
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume(returning: true)
  }

  /// Waits until the handler's task has ended, at most `limit` by a timer on `eventLoop`; returns whether it ended.
  ///
  /// The timer runs on an event loop, not on the handler's thread, so a handler that hogs its thread cannot hold
  /// the answer up.
  func waitUntilFinished(atMost limit: Duration, timer eventLoop: any EventLoop) async -> Bool {
    await withCheckedContinuation { continuation in
      let alreadyFinished = state.withLock { state in
        if state.isFinished { return true }
        state.waiter = continuation
        return false
      }
      if alreadyFinished {
        continuation.resume(returning: true)
        return
      }
      eventLoop.scheduleTask(in: .nanoseconds(limit.wholeNanoseconds)) { [self] in
        let waiter = state.withLock { state in
          defer { state.waiter = nil }
          return state.waiter
        }
        waiter?.resume(returning: false)
      }
    }
  }
}
