import Synchronization

/// Whether an invocation is being served, so a SIGTERM can let it finish briefly before shutting down.
final class InvocationActivity: Sendable {
  private let busy = Mutex(false)

  var isBusy: Bool { busy.withLock { $0 } }

  func begin() { busy.withLock { $0 = true } }

  func end() { busy.withLock { $0 = false } }

  /// Waits until no invocation is running, at most `limit`.
  func waitUntilIdle(limit: Duration) async {
    let clock = ContinuousClock()
    let stop = clock.now.advanced(by: limit)
    while isBusy, clock.now < stop {
      try? await Task.sleep(for: .milliseconds(5))
    }
  }
}
