import Synchronization

/// Resumes a continuation with whichever outcome arrives first.
final class FirstOutcome: Sendable {
  private struct State {
    var continuation: CheckedContinuation<Result<[UInt8], any Error>, Never>?
    var finishAction: (@Sendable () -> Void)?
    var isFinished = false
  }

  private let state: Mutex<State>

  init(_ continuation: CheckedContinuation<Result<[UInt8], any Error>, Never>) {
    state = Mutex(State(continuation: continuation))
  }

  /// Registers work to run once an outcome is in (at once if it already is).
  func onFinish(_ action: @escaping @Sendable () -> Void) {
    let runNow = state.withLock { state -> Bool in
      if state.isFinished { return true }
      state.finishAction = action
      return false
    }
    if runNow { action() }
  }

  /// Delivers `result` if nothing was delivered yet; returns whether it was.
  @discardableResult
  func complete(_ result: Result<[UInt8], any Error>) -> Bool {
    let taken = state.withLock {
      state -> (CheckedContinuation<Result<[UInt8], any Error>, Never>, (@Sendable () -> Void)?)? in
      guard let continuation = state.continuation else { return nil }
      state.continuation = nil
      state.isFinished = true
      defer { state.finishAction = nil }
      return (continuation, state.finishAction)
    }
    guard let (continuation, action) = taken else { return false }
    action?()
    continuation.resume(returning: result)
    return true
  }
}
