import HTTPConnection
import NIOCore

/// Runs a handler against its deadline: cancels it a safety margin early and reports `InvocationError.timeout`.
enum HandlerTimeout {
  /// Default time kept back before the deadline to post the timeout error.
  static let defaultSafetyMargin: Duration = .milliseconds(50)

  /// Runs `body` on `executor`, which must not run on `timer`'s event loop thread, so a handler that hogs its
  /// thread cannot stop the timeout from being reported. `completion` learns when `body` has ended (at once when it
  /// is never started), which may be well after this returns a timeout.
  static func run(
    deadline: ContinuousClock.Instant,
    safetyMargin: Duration = defaultSafetyMargin,
    timer eventLoop: any EventLoop,
    executor: any TaskExecutor = globalConcurrentExecutor,
    completion: HandlerCompletion? = nil,
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
      let timer = eventLoop.scheduleTask(in: .nanoseconds(budget.wholeNanoseconds)) {
        if outcome.complete(.failure(InvocationError.timeout(budget: budget))) { work.cancel() }
      }
      outcome.onFinish { timer.cancel() }
    }
  }
}
