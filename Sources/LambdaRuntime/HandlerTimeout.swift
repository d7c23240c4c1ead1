import HTTPConnection
import NIOCore

/// Runs a handler against its deadline: cancels it a safety margin early and reports `InvocationError.timeout`.
enum HandlerTimeout {
  /// Default time kept back before the deadline to post the timeout error.
  static let defaultSafetyMargin: Duration = .milliseconds(50)

  /// `run(deadline:safetyMargin:watchdog:executor:completion:onTimeout:_:)` with a watchdog of its own on `timer`.
  static func run(
    deadline: ContinuousClock.Instant,
    safetyMargin: Duration = defaultSafetyMargin,
    timer eventLoop: any EventLoop,
    executor: any TaskExecutor = globalConcurrentExecutor,
    completion: HandlerCompletion? = nil,
    _ body: @escaping @Sendable () async throws -> [UInt8]
  ) async -> Result<[UInt8], any Error> {
    await run(
      deadline: deadline, safetyMargin: safetyMargin, watchdog: DeadlineWatchdog(eventLoop: eventLoop),
      executor: executor, completion: completion, body)
  }

  /// Runs `body` on `executor`, which must not run on the watchdog's event loop thread, so a handler that hogs its
  /// thread cannot stop the timeout from being delivered. `completion` learns when `body` has ended (at once when it
  /// is never started), which may be well after this returns a timeout. `onTimeout` gets the timeout on the
  /// watchdog's loop right after it was delivered: if `executor` is the caller's own thread and the handler hogs it,
  /// this call cannot return until the handler lets go, and `onTimeout` is how the caller still learns of it.
  static func run(
    deadline: ContinuousClock.Instant,
    safetyMargin: Duration = defaultSafetyMargin,
    watchdog: DeadlineWatchdog,
    executor: any TaskExecutor,
    completion: HandlerCompletion? = nil,
    onTimeout: (@Sendable (any Error) -> Void)? = nil,
    _ body: @escaping @Sendable () async throws -> [UInt8]
  ) async -> Result<[UInt8], any Error> {
    let budget = ContinuousClock.now.duration(to: deadline) - safetyMargin
    guard budget > .zero else {
      completion?.markFinished()
      return .failure(InvocationError.timeout(budget: .zero))
    }
    return await withCheckedContinuation { continuation in
      let outcome = FirstOutcome(continuation)
      // Unstructured on purpose: a handler that ignores cancellation must not hold up the timeout report,
      // and a task-group child would be awaited before the group could return.
      let work = Task(executorPreference: executor) {
        do {
          outcome.complete(.success(try await body()))
        } catch {
          outcome.complete(.failure(error))
        }
        completion?.markFinished()
      }
      let watch = watchdog.arm(at: deadline - safetyMargin) {
        let timeout = InvocationError.timeout(budget: budget)
        guard outcome.complete(.failure(timeout)) else { return }
        work.cancel()
        onTimeout?(timeout)
      }
      outcome.onFinish { watchdog.disarm(watch) }
    }
  }
}
