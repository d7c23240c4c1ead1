import Logging
import NIOCore
import NIOPosix
import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A Lambda function: give it a handler, then `run()` it as the process's main work.
///
/// Hello world (`Sources/hello/main.swift` of an executable named `bootstrap` for `provided.al2023`):
///
/// ```swift
/// import LambdaRuntime
///
/// let runtime = LambdaRuntime { (name: String, context: LambdaContext) in "Hello, \(name)!" }
/// try await runtime.run()
/// ```
///
/// A handler comes in one of three forms, as a closure or as a type conforming to a protocol:
/// - Codable in, Codable out (`CodableLambdaHandler`): the event is decoded from JSON and the output encoded to it;
/// - bytes in, bytes out (`RawLambdaHandler`, `LambdaRuntime(bytes:)`);
/// - streamed out (`StreamingLambdaHandler`, `LambdaRuntime(streaming:)`): the handler writes chunks to a
///   `LambdaResponseWriter`, which sends each at once, after an optional HTTP status and headers.
///
/// Work that should happen once per process (clients, configuration) goes in a setup closure,
/// `LambdaRuntime(setup:)`: if it throws, the error is reported to Lambda as an initialisation error.
///
/// `run()` returns after SIGTERM (once the shutdown actions ran) and throws `LambdaRuntimeError` when the process
/// should end with a failure; it never ends the process itself. A `main.swift` that wants the statuses Lambda's
/// own runtimes use catches the error and exits with its `exitStatus` (CarbonTrack's `bootstrap` does).
public struct LambdaRuntime: Sendable {
  let configuration: LambdaRuntimeConfiguration
  let setup: @Sendable (LambdaInitContext) async throws -> HandlerBody

  init(
    configuration: LambdaRuntimeConfiguration,
    setup: @escaping @Sendable (LambdaInitContext) async throws -> HandlerBody
  ) {
    self.configuration = configuration
    self.setup = setup
  }

  /// Connects to the Runtime API (`AWS_LAMBDA_RUNTIME_API`), runs the setup, then serves invocations one at a time
  /// until SIGTERM.
  ///
  /// Returns once a SIGTERM has been handled: the running invocation got up to 300 ms to finish and the shutdown
  /// actions (`LambdaInitContext.onShutdown`) ran. Throws when the setup failed (after reporting it to
  /// `/runtime/init/error`), when the Runtime API failed, or when a handler kept running after its timeout.
  ///
  /// The runtime uses `MultiThreadedEventLoopGroup.singleton`: its first loop carries the Runtime API connection and
  /// runs the handlers, and its second times their deadlines, so a handler that hogs its thread still gets its
  /// `Function.Timeout`. With a single loop, handlers run on Swift's global executor instead. Set
  /// `NIOSingletons.groupLoopCountSuggestion = 2` first thing in `main` to get two loops on a one-CPU sandbox.
  ///
  /// It first drops the executable's load-time relocation table from memory (`RelocationTablePages`): the
  /// dynamic loader is done with it, and in a Swift binary it is a tenth of the resident memory.
  public func run() async throws(LambdaRuntimeError) {
    let startedAt = ContinuousClock.now
    RelocationTablePages.release()
    let environment = configuration.environment ?? ProcessEnvironment.current()
    if configuration.installsLogHandler { LambdaLogging.installOnce(environment: environment) }
    let logger = Logger(label: "lambda-runtime")
    let group = MultiThreadedEventLoopGroup.singleton
    let loops = Array(group.makeIterator())
    let settings = LambdaEnvironment(environment)
    let client: SocketRuntimeAPI
    do {
      client = try SocketRuntimeAPI(
        address: settings.runtimeAPI, eventLoop: loops[0], userAgent: configuration.userAgent)
    } catch {
      let failure = LambdaRuntimeError.runtimeAPI(error)
      logger.critical("\(failure)")
      throw failure
    }
    // Handlers on the connection's own thread: an invocation's Runtime API calls, its handler and the handler's
    // HTTP clients (which use the loop a request is made from) then share one thread, with no hops between them.
    let loopExecutor = EventLoopExecutor(client.eventLoop)
    let handlerExecutor: any TaskExecutor = loops.count > 1 ? loopExecutor : globalConcurrentExecutor
    let watchdogLoop = loops.first { $0 !== client.eventLoop } ?? client.eventLoop
    let termination = TerminationRequest()
    let signal = TerminationSignal { termination.request() }
    defer { withExtendedLifetime(signal) {} }
    let session = RuntimeSession(
      api: client, setup: setup, environment: settings,
      initContext: LambdaInitContext(environment: environment, logger: logger, eventLoopGroup: group),
      configuration: configuration, handlerExecutor: handlerExecutor, loopExecutor: loopExecutor,
      termination: termination, startedAt: startedAt, watchdogLoop: watchdogLoop)
    try await session.run()
  }
}
