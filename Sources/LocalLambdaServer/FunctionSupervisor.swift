import Foundation
import Synchronization

/// Keeps one function process running against a `LocalLambdaServer`, as Lambda keeps a sandbox: starts it, and
/// starts a fresh one whenever it exits (crashed, killed after a timeout, or stopped on its own).
///
/// A process that keeps exiting soon after it starts is restarted after a growing pause (up to
/// `maximumRestartDelay`) instead of at once, so a function that cannot start does not spin.
public final class FunctionSupervisor: Sendable {
  /// A process that ran at least this long is restarted at once.
  static let healthyLifetime: Duration = .seconds(1)
  static let firstRestartDelay: Duration = .milliseconds(50)
  static let maximumRestartDelay: Duration = .seconds(2)

  private let server: LocalLambdaServer
  private let command: [String]
  private let environment: [String: String]
  private let onStart: @Sendable (LocalFunctionProcess) -> Void
  private let onExit: @Sendable (FunctionExit) -> Void
  private let state = Mutex<(current: LocalFunctionProcess?, isStopping: Bool, isStarting: Bool)>((nil, false, false))

  /// A supervisor of `command` started with `environment` (see `LocalLambdaServer.startFunction`); `onStart` hears
  /// of every process it starts, `onExit` of every exit before the restart.
  public init(
    server: LocalLambdaServer, command: [String], environment: [String: String],
    onStart: @escaping @Sendable (LocalFunctionProcess) -> Void = { _ in },
    onExit: @escaping @Sendable (FunctionExit) -> Void = { _ in }
  ) {
    self.server = server
    self.command = command
    self.environment = environment
    self.onStart = onStart
    self.onExit = onExit
  }

  /// The running process, if any.
  public var current: LocalFunctionProcess? { state.withLock { $0.current } }

  /// Starts the function and restarts it whenever it exits, until `stop` is called; throws when it cannot start.
  public func run() async throws {
    var delay = Self.firstRestartDelay
    while true {
      guard let process = try await startUnlessStopping() else { return }
      let exit = await process.waitForExit()
      onExit(exit)
      if state.withLock({ $0.isStopping }) { return }
      if ContinuousClock.now - process.startedAt >= Self.healthyLifetime {
        delay = Self.firstRestartDelay
      } else {
        try await Task.sleep(for: delay)
        delay = min(delay * 2, Self.maximumRestartDelay)
      }
    }
  }

  /// Stops supervising: sends the running process SIGTERM, and SIGKILL if it has not exited after `grace`.
  public func stop(grace: Duration) async {
    state.withLock { $0.isStopping = true }
    // A process being started when the stop came is stopped too, once it exists: the caller may end this process
    // as soon as `stop` returns, and must not leave that one behind.
    let startWait = ContinuousClock.now + grace
    while state.withLock({ $0.isStarting }), ContinuousClock.now < startWait {
      try? await Task.sleep(for: .milliseconds(5))
    }
    guard let process = state.withLock({ $0.current }) else { return }
    process.send(SIGTERM)
    if await process.waitForExit(atMost: grace) == nil {
      process.send(SIGKILL)
      _ = await process.waitForExit()
    }
  }

  private func startUnlessStopping() async throws -> LocalFunctionProcess? {
    let stopping = state.withLock { state in
      state.isStarting = !state.isStopping
      return state.isStopping
    }
    if stopping { return nil }
    let process: LocalFunctionProcess
    do {
      process = try await server.startFunction(command, environment: environment)
    } catch {
      state.withLock { $0.isStarting = false }
      throw error
    }
    // `stop` waits for this: a stop that came while the process was starting still reaches it.
    state.withLock { state in
      state.current = process
      state.isStarting = false
    }
    onStart(process)
    return process
  }
}
