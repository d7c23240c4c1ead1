import NIOCore

/// Runs a handler against its deadline: cancels it a safety margin early and reports `InvocationError.timeout`.
enum DeadlineRunner {
  /// Default time kept back before the deadline to post the timeout error.
  static let defaultSafetyMargin: Int64 = 50

  /// Runs `body` on `executor`, which must not run on `timer`'s event loop thread, so a handler that hogs its
  /// thread cannot stop the timeout from being reported. `completion` learns when `body` has ended (at once when it
  /// is never started), which may be well after this returns a timeout.
  static func run(
    deadline: Int64,
    safetyMargin: Int64 = defaultSafetyMargin,
    timer eventLoop: any EventLoop,
    executor: any TaskExecutor = globalConcurrentExecutor,
    completion: HandlerCompletion? = nil,
    _ body: @escaping @Sendable () async throws -> [UInt8]
  ) async -> Result<[UInt8], any Error> {
    let budget = deadline - safetyMargin - WallClock.nowMilliseconds()
    guard budget > 0 else {
      completion?.markFinished()
      return .failure(InvocationError.timeout(budgetMilliseconds: max(budget, 0)))
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
      let timer = eventLoop.scheduleTask(in: .milliseconds(budget)) {
        if outcome.complete(.failure(InvocationError.timeout(budgetMilliseconds: budget))) { work.cancel() }
      }
      outcome.onFinish { timer.cancel() }
    }
  }
}
