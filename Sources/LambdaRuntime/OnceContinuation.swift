import Synchronization

/// A value delivered once, by whichever of several parties gets there first, to one waiter.
final class OnceContinuation<Value: Sendable>: Sendable {
  private struct State {
    var value: Value?
    var waiter: CheckedContinuation<Value, Never>?
  }

  private let state = Mutex(State())

  /// Delivers `value` unless one was delivered before; returns whether it was.
  @discardableResult
  func finish(_ value: Value) -> Bool {
    let (delivered, waiter) = state.withLock { state -> (Bool, CheckedContinuation<Value, Never>?) in
      guard state.value == nil else { return (false, nil) }
      state.value = value
      defer { state.waiter = nil }
      return (true, state.waiter)
    }
    waiter?.resume(returning: value)
    return delivered
  }

  /// Waits for the value (returns at once when it is already in); call it at most once.
  func wait() async -> Value {
    await withCheckedContinuation { continuation in
      let ready = state.withLock { state -> Value? in
        if let value = state.value { return value }
        state.waiter = continuation
        return nil
      }
      if let ready { continuation.resume(returning: ready) }
    }
  }
}
