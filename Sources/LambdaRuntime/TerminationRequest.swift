import Synchronization

/// A request to shut down (SIGTERM in a real process, a call in tests), kept until someone acts on it.
final class TerminationRequest: Sendable {
  private let state = Mutex<(isRequested: Bool, action: (@Sendable () -> Void)?)>((false, nil))

  /// Asks for a shutdown; the registered action runs once.
  func request() {
    let action = state.withLock { state -> (@Sendable () -> Void)? in
      guard !state.isRequested else { return nil }
      state.isRequested = true
      defer { state.action = nil }
      return state.action
    }
    action?()
  }

  /// Runs `action` on the first request (at once if one came already).
  func onRequest(_ action: @escaping @Sendable () -> Void) {
    let alreadyRequested = state.withLock { state -> Bool in
      if state.isRequested { return true }
      state.action = action
      return false
    }
    if alreadyRequested { action() }
  }
}
