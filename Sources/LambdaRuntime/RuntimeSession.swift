import Logging
import NIOCore

/// One life of a runtime on a Runtime API: set the function up (or report why it could not be), serve invocations
/// until a shutdown is requested or the loop fails, then run the shutdown actions.
///
/// Separate from `LambdaRuntime.run()`, which adds the process's concerns (environment, log handler, threads,
/// SIGTERM, the HTTP connection), so tests can drive it in-process with a scripted Runtime API.
struct RuntimeSession<API: RuntimeAPI>: Sendable {
  /// How long a shutdown lets a running invocation finish.
  static var terminationGrace: Duration { .milliseconds(300) }

  let api: API
  let setup: @Sendable (LambdaInitContext) async throws -> HandlerBody
  let environment: LambdaEnvironment
  let initContext: LambdaInitContext
  let configuration: LambdaRuntimeConfiguration
  /// Where handlers run: the connection's thread (`loopExecutor`), or another when there is a single event loop.
  let handlerExecutor: any TaskExecutor
  /// Where the loop runs: the connection's thread, so its socket I/O needs no thread hops.
  let loopExecutor: any TaskExecutor
  let termination: TerminationRequest
  let startedAt: ContinuousClock.Instant
  /// Where timeouts are timed; must not be a thread handlers run on. Nil: the client's event loop.
  var watchdogLoop: (any EventLoop)? = nil

  private enum Ending: Sendable {
    case terminated
    case loopEnded((any Error)?)
  }

  private var logger: Logger { initContext.logger }

  /// Returns after a requested shutdown; throws when the setup or the Runtime API failed, or a handler did not stop.
  func run() async throws(LambdaRuntimeError) {
    let handler: HandlerBody
    do {
      handler = try await setup(initContext)
    } catch {
      throw await failInitialisation(error)
    }
    logger.info("Cold start: initialised in \((.now - startedAt).millisecondsText) ms.")

    let activity = InvocationActivity()
    let ending = OnceContinuation<Ending>()
    let loop = RuntimeLoop(
      api: api, handler: handler, environment: environment, logger: logger, activity: activity,
      handlerExecutor: handlerExecutor, watchdog: DeadlineWatchdog(eventLoop: watchdogLoop ?? api.eventLoop),
      safetyMargin: configuration.timeoutSafetyMargin, timeoutGrace: configuration.timeoutGrace,
      onStuck: { ending.finish(.loopEnded($0)) })
    termination.onRequest { ending.finish(.terminated) }
    // Unstructured: a shutdown must be able to return while a handler that ignores cancellation still holds the loop,
    // which a child task would not allow.
    let loopTask = Task(executorPreference: loopExecutor) {
      do {
        try await loop.run()
        ending.finish(.loopEnded(nil))
      } catch {
        ending.finish(.loopEnded(error))
      }
    }
    switch await ending.wait() {
    case .terminated:
      logger.info("SIGTERM received: shutting down.")
      await activity.waitUntilIdle(limit: Self.terminationGrace)
      if activity.isBusy { logger.warning("Abandoning the running invocation.") }
      loopTask.cancel()
      // A `/next` still waiting holds the loop's thread, which the shutdown actions' clients may need.
      api.stop()
      let count = await initContext.runShutdownActions()
      logger.info("Ran \(count) shutdown action(s); exiting.")
    case .loopEnded(let error):
      let failure = Self.failure(from: error)
      logger.critical("Stopping: \(failure)")
      await initContext.runShutdownActions()
      throw failure
    }
  }

  private static func failure(from error: (any Error)?) -> LambdaRuntimeError {
    switch error {
    case let stopped as LambdaRuntimeError: stopped
    case let apiError as RuntimeAPIError: .runtimeAPI(apiError)
    case let other?: .runtimeAPI(.connectionFailed(address: "", reason: "\(other)"))
    case nil: .runtimeAPI(.connectionClosed)
    }
  }

  private func failInitialisation(_ error: any Error) async -> LambdaRuntimeError {
    let report = ErrorReport(functionError: error)
    logger.critical("Initialisation failed with \(report.errorType): \(report.errorMessage)")
    do {
      let status = try await api.postInitError(report: report)
      if status != 202 { logger.error("The Runtime API rejected the init error with HTTP \(status).") }
    } catch {
      logger.error("Could not report the init error: \(error)")
    }
    await initContext.runShutdownActions()
    return .initialisationFailed(report)
  }
}
