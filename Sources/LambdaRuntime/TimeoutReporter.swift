import Synchronization

/// Decides who reports an invocation's timeout: the runtime loop, once it runs again, or the watchdog, over a
/// connection of its own, when a handler that runs on the loop's thread still holds it a moment after the timeout.
/// Whoever claims first reports; the loop waits for a report sent out of band before it asks for the next event,
/// so Lambda never sees `/next` before the answer to the invocation that timed out.
final class TimeoutReporter: Sendable {
  enum Reporter {
    case loop
    case outOfBand
  }

  private struct State {
    var claimedBy: Reporter?
    var isSent = false
    var waiter: CheckedContinuation<Void, Never>?
  }

  private let state = Mutex(State())

  /// Claims the report for `reporter`; returns false when the other one claimed it first.
  func claim(_ reporter: Reporter) -> Bool {
    state.withLock { state in
      guard state.claimedBy == nil else { return state.claimedBy == reporter }
      state.claimedBy = reporter
      return true
    }
  }

  /// Records that the out-of-band report was sent (or failed), releasing the loop.
  func markSent() {
    let waiter = state.withLock { state in
      state.isSent = true
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume()
  }

  /// Returns once the out-of-band report was sent.
  func waitUntilSent() async {
    await withCheckedContinuation { continuation in
      let isSent = state.withLock { state in
        if !state.isSent { state.waiter = continuation }
        return state.isSent
      }
      if isSent { continuation.resume() }
    }
  }
}
