import Logging
import NIOCore
import NIOPosix

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The entry point of a `bootstrap` executable.
public enum LambdaRuntimeMain {
  /// Exit status after an initialisation error (reported to `/runtime/init/error` first).
  public static let initFailureExitCode: Int32 = 1
  /// Exit status after the Runtime API failed (5xx, lost connection, bad address).
  public static let runtimeAPIFailureExitCode: Int32 = 2
  /// How long SIGTERM lets a running invocation finish before shutting down anyway.
  static let terminationGrace: Duration = .milliseconds(300)

  /// Runs `setup` once, then serves invocations from the Runtime API until SIGTERM; never returns.
  public static func run(_ setup: @escaping @Sendable (LambdaInitContext) async throws -> HandlerRegistry) async
    -> Never
  {
    let started = ContinuousClock.now
    let environment = ProcessInfo.processInfo.environment
    LoggingSystem.bootstrap { LambdaLogHandler(label: $0, environment: environment) }
    let logger = Logger(label: "lambda-runtime")
    // Two event loop threads: one owns the Runtime API connection and the deadline timers, the other runs the
    // handlers and, since async-http-client keeps a request on the loop it is made from, their HTTP clients.
    // A handler's I/O then needs no thread hops, and a handler that hogs its thread cannot stop the runtime
    // from reporting its timeout.
    NIOSingletons.groupLoopCountSuggestion = 2
    let group = MultiThreadedEventLoopGroup.singleton
    let loops = Array(group.makeIterator())
    let runtimeLoop = loops[0]
    let handlerExecutor: any TaskExecutor = loops.count > 1 ? EventLoopExecutor(loops[1]) : globalConcurrentExecutor
    let settings = LambdaEnvironment(environment)
    let initContext = LambdaInitContext(environment: environment, logger: logger, eventLoopGroup: group)
    let activity = InvocationActivity()
    let termination = TerminationSignal {
      // Unstructured: the signal arrives outside any task, and this task ends the process.
      Task { await shutDown(initContext, activity: activity, logger: logger) }
    }

    let client: RuntimeAPIClient
    do {
      client = try await RuntimeAPIClient.connect(address: settings.runtimeAPI, group: runtimeLoop)
    } catch {
      logger.critical("\(error)")
      exit(runtimeAPIFailureExitCode)
    }

    let registry: HandlerRegistry
    do {
      registry = try await setup(initContext)
      try registry.validate(handlerName: settings.handlerName)
    } catch {
      await failInitialisation(error, client: client, initContext: initContext, logger: logger)
    }
    let initDuration = MillisecondsText.format(ContinuousClock.now - started)
    logger.info("Cold start: initialised in \(initDuration) ms, handler '\(settings.handlerName)'.")

    let loop = RuntimeLoop(
      client: client, registry: registry, environment: settings, logger: logger, activity: activity,
      handlerExecutor: handlerExecutor)
    var status = runtimeAPIFailureExitCode
    do {
      // The loop runs on the connection's event loop thread: its socket I/O then needs no thread hops.
      try await withTaskExecutorPreference(EventLoopExecutor(client.eventLoop)) { try await loop.run() }
    } catch {
      logger.critical("Stopping: \(error)")
      if let stopped = error as? LambdaRuntimeError { status = stopped.exitStatus }
    }
    withExtendedLifetime(termination) {}
    await initContext.runShutdownActions()
    exit(status)
  }

  private static func failInitialisation(
    _ error: any Error,
    client: RuntimeAPIClient,
    initContext: LambdaInitContext,
    logger: Logger
  ) async -> Never {
    let report =
      if let unknown = error as? HandlerRegistryError {
        ErrorReport(category: "Runtime", name: unknown.errorType, message: unknown.description)
      } else {
        ErrorReport(functionError: error)
      }
    logger.critical("Initialisation failed with \(report.errorType): \(report.errorMessage)")
    do {
      let status = try await client.postInitError(report: report)
      if status != 202 { logger.error("The Runtime API rejected the init error with HTTP \(status).") }
    } catch {
      logger.error("Could not report the init error: \(error)")
    }
    await initContext.runShutdownActions()
    exit(initFailureExitCode)
  }

  private static func shutDown(_ initContext: LambdaInitContext, activity: InvocationActivity, logger: Logger) async
    -> Never
  {
    logger.info("SIGTERM received: shutting down.")
    await activity.waitUntilIdle(limit: terminationGrace)
    if activity.isBusy { logger.warning("Abandoning the running invocation.") }
    let count = await initContext.runShutdownActions()
    logger.info("Ran \(count) shutdown action(s); exiting.")
    exit(0)
  }
}
