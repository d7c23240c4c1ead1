import HTTPConnection
import NIOCore
import Synchronization

/// Tells whether a handler's task has ended, so that after a timeout the loop can tell a handler that stopped from
/// one that ignores cancellation and would keep running into the next invocation.
final class HandlerCompletion: Sendable {
  private struct State {
    var isFinished = false
    /// Both the loop and the watchdog may wait after a timeout; each waiter has its own timer.
    var waiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
    var lastWaiter: UInt64 = 0
  }

  private let state = Mutex(State())

  /// Records that the handler's task has ended (or was never started).
  func markFinished() {
    let waiters = state.withLock { state in
      state.isFinished = true
      defer { state.waiters = [:] }
      return state.waiters
    }
    for waiter in waiters.values { waiter.resume(returning: true) }
  }

  /// Waits until the handler's task has ended, at most `limit` by a timer on `eventLoop`; returns whether it ended.
  ///
  /// The timer runs on an event loop, not on the handler's thread, so a handler that hogs its thread cannot hold
  /// the answer up.
  func waitUntilFinished(atMost limit: Duration, timer eventLoop: any EventLoop) async -> Bool {
    await withCheckedContinuation { continuation in
      let waiter = state.withLock { state -> UInt64? in
        if state.isFinished { return nil }
        state.lastWaiter &+= 1
        state.waiters[state.lastWaiter] = continuation
        return state.lastWaiter
      }
      guard let waiter else {
        continuation.resume(returning: true)
        return
      }
      eventLoop.scheduleTask(in: .nanoseconds(limit.wholeNanoseconds)) { [self] in
        state.withLock { $0.waiters.removeValue(forKey: waiter) }?.resume(returning: false)
      }
    }
  }
}
