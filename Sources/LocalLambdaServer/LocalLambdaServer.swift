import Foundation
import NIOCore
import NIOPosix

/// A Lambda Runtime API (plus `POST /2015-03-31/functions/function/invocations`) on loopback, for running a function
/// locally as Lambda runs it.
///
/// Start the function with `startFunction` (or `FunctionSupervisor`, which restarts it) and the server knows which
/// process serves each invocation: a process that exits mid-invoke fails it with `Runtime.ExitError` at once, and
/// a timed-out invocation kills the process that had it. A runtime started elsewhere can poll the server's own port.
public final class LocalLambdaServer: Sendable {
  /// The settings the server was started with.
  public let configuration: LocalLambdaConfiguration
  /// The port actually bound.
  public let port: Int
  private let state: LocalLambdaState
  private let listener: RuntimeAPIListener
  private let routes: LocalLambdaRoutes
  private let group: any EventLoopGroup
  private let sandboxes: SandboxTable
  private let connectionNumbers: ConnectionNumbers
  private let logTail: InvocationLogTail

  /// Binds and starts serving; `recordRequests` keeps every request for `recordedRequests()`.
  public static func start(
    _ configuration: LocalLambdaConfiguration = LocalLambdaConfiguration(),
    recordRequests: Bool = true,
    group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) async throws -> LocalLambdaServer {
    let sandboxes = SandboxTable()
    let state = LocalLambdaState(configuration: configuration, recordsRequests: recordRequests) { sandbox in
      // Lambda discards a sandbox whose invocation timed out; so does the server, and only that one.
      sandboxes.signal(sandbox, SIGKILL)
    }
    let logTail = InvocationLogTail()
    let routes = LocalLambdaRoutes(state: state, configuration: configuration, logTail: logTail)
    let numbers = ConnectionNumbers()
    let listener = try await RuntimeAPIListener.bind(host: configuration.host, port: configuration.port, group: group) {
      connection, connections in
      let origin = RequestOrigin(sandbox: LocalLambdaState.externalSandbox, connection: numbers.next())
      await LocalLambdaConnection(routes: routes, connections: connections, origin: origin).serve(connection)
    }
    return LocalLambdaServer(
      configuration: configuration, state: state, listener: listener, routes: routes, group: group,
      sandboxes: sandboxes, connectionNumbers: numbers, logTail: logTail)
  }

  private init(
    configuration: LocalLambdaConfiguration, state: LocalLambdaState, listener: RuntimeAPIListener,
    routes: LocalLambdaRoutes, group: any EventLoopGroup, sandboxes: SandboxTable, connectionNumbers: ConnectionNumbers,
    logTail: InvocationLogTail
  ) {
    self.logTail = logTail
    self.configuration = configuration
    self.port = listener.port
    self.state = state
    self.listener = listener
    self.routes = routes
    self.group = group
    self.sandboxes = sandboxes
    self.connectionNumbers = connectionNumbers
  }

  /// `host:port`, the value for `AWS_LAMBDA_RUNTIME_API` of a runtime started elsewhere.
  public var runtimeAPIAddress: String { "\(configuration.host):\(port)" }

  /// The environment a function process needs to run against this server (with the server's own port).
  public var functionEnvironment: [String: String] { configuration.functionEnvironment(port: port) }

  /// Starts `command` as a function process with `environment`, its `AWS_LAMBDA_RUNTIME_API` pointing at a Runtime
  /// API port of its own (set by the server).
  ///
  /// When the process exits, the invocation it was serving fails with `Runtime.ExitError` and its connections are
  /// closed; when one of its invocations times out, it is killed.
  public func startFunction(
    _ command: [String], environment: [String: String], standardOutput: FileHandle? = nil,
    standardError: FileHandle? = nil
  ) async throws -> LocalFunctionProcess {
    let sandbox = await state.startSandbox()
    let (state, routes, numbers, sandboxes) = (state, routes, connectionNumbers, sandboxes)
    let listener: RuntimeAPIListener
    do {
      listener = try await RuntimeAPIListener.bind(host: configuration.host, port: 0, group: group) {
        connection, connections in
        let origin = RequestOrigin(sandbox: sandbox, connection: numbers.next())
        await LocalLambdaConnection(routes: routes, connections: connections, origin: origin).serve(connection)
      }
    } catch {
      await state.sandboxExited(sandbox, exit: .exited(status: 127))
      throw error
    }
    sandboxes.add(sandbox, listener: listener)
    var environment = environment
    environment["AWS_LAMBDA_RUNTIME_API"] = "\(configuration.host):\(listener.port)"
    // A function with no output handles of its own is heard through pipes, for the Invoke API's log tails.
    let pipes = standardOutput == nil && standardError == nil ? logTail.pipes(for: sandbox) : nil
    defer {
      try? pipes?.standardOutput.fileHandleForWriting.close()
      try? pipes?.standardError.fileHandleForWriting.close()
    }
    do {
      let process = try LocalFunctionProcess.spawn(
        command, environment: environment, sandbox: sandbox,
        standardOutput: standardOutput ?? pipes?.standardOutput.fileHandleForWriting,
        standardError: standardError ?? pipes?.standardError.fileHandleForWriting
      ) { exit in
        await state.sandboxExited(sandbox, exit: exit)
        await sandboxes.remove(sandbox)?.close()
      }
      sandboxes.setProcess(process, of: sandbox)
      return process
    } catch {
      await state.sandboxExited(sandbox, exit: .exited(status: 127))
      await sandboxes.remove(sandbox)?.close()
      throw error
    }
  }

  /// Notes that a runtime started elsewhere was just started, so the first REPORT carries its init duration.
  public func markProcessStart() async {
    await state.markProcessStart()
  }

  /// Sends one event to the function and waits for its whole response (a streamed one read to its end), error,
  /// timeout or exit; `traceId` is the `Lambda-Runtime-Trace-Id` the function sees (a fresh one when nil).
  public func invoke(
    _ event: [UInt8],
    clientContext: String? = nil,
    cognitoIdentity: String? = nil,
    tenantId: String? = nil,
    traceId: String? = nil
  ) async throws -> LocalInvocationResult {
    let started = ContinuousClock.now
    switch try await invokeStreaming(
      event, clientContext: clientContext, cognitoIdentity: cognitoIdentity, tenantId: tenantId, traceId: traceId)
    {
    case .complete(let result):
      return result
    case .streamed(let stream):
      var body: [UInt8] = []
      var failure: LocalStreamError?
      do {
        for try await chunk in stream { body += chunk }
      } catch {
        failure = error
      }
      return LocalInvocationResult(
        requestId: stream.requestId, body: body, errorType: failure?.errorType, duration: .now - started,
        isStreamed: true, contentType: stream.contentType, streamError: failure)
    }
  }

  /// Sends one event to the function and waits for the start of its answer: a whole one, or a stream to read as
  /// it arrives.
  public func invokeStreaming(
    _ event: [UInt8],
    clientContext: String? = nil,
    cognitoIdentity: String? = nil,
    tenantId: String? = nil,
    traceId: String? = nil
  ) async throws -> LocalInvocationAnswer {
    guard event.count <= configuration.maxEventBytes else {
      throw LocalLambdaServerError.eventTooLarge(bytes: event.count, limit: configuration.maxEventBytes)
    }
    let invocation = QueuedInvocation(
      event: event, clientContext: clientContext, cognitoIdentity: cognitoIdentity, tenantId: tenantId,
      traceId: traceId)
    return try await state.invoke(invocation)
  }

  /// Every request received so far, in order (empty when recording is off).
  public func recordedRequests() async -> [RecordedRequest] {
    await state.recorded
  }

  /// The `/runtime/init/error` request, once the function reported one.
  public func initError() async -> RecordedRequest? {
    await state.initError
  }

  /// Stops listening, fails waiting invocations, closes every connection and kills the function processes it
  /// started that still run.
  public func shutdown() async {
    await state.shutDown()
    await listener.close()
    for (listener, process) in sandboxes.removeAll() {
      process?.send(SIGKILL)
      await listener.close()
    }
  }
}
