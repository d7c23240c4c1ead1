import Foundation
import SharedSupport
import Synchronization

/// A function process a `LocalLambdaServer` started (`startFunction`), with its own Runtime API address.
///
/// The server fails the invocation it is serving with `Runtime.ExitError` the moment it exits, and kills it when one
/// of its invocations times out, as Lambda discards a sandbox.
public final class LocalFunctionProcess: Sendable {
  /// The operating system's process id.
  public let processIdentifier: Int32
  /// When it was started.
  public let startedAt: ContinuousClock.Instant
  /// The server's number for its sandbox.
  let sandbox: Int
  private let exitRecord: ExitRecord

  /// Spawns `command` with `environment` and no signal blocked; `onExit` runs once it has ended, before
  /// `waitForExit()` returns.
  static func spawn(
    _ command: [String], environment: [String: String], sandbox: Int, standardOutput: FileHandle?,
    standardError: FileHandle?, onExit: @escaping @Sendable (FunctionExit) async -> Void
  ) throws -> LocalFunctionProcess {
    guard let executable = command.first else { throw LocalLambdaServerError.noCommand }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = Array(command.dropFirst())
    process.environment = environment
    if let standardOutput { process.standardOutput = standardOutput }
    if let standardError { process.standardError = standardError }
    let record = ExitRecord()
    process.terminationHandler = { finished in
      let exit: FunctionExit =
        finished.terminationReason == .uncaughtSignal
        ? .signalled(finished.terminationStatus) : .exited(status: finished.terminationStatus)
      // Unstructured: Foundation calls this on its own thread, outside any task.
      Task {
        await onExit(exit)
        record.complete(exit)
      }
    }
    let startedAt = ContinuousClock.now
    try FunctionSpawn.withNoSignalsBlocked { try process.run() }
    let processIdentifier = process.processIdentifier
    record.keepAlive(process)
    return LocalFunctionProcess(
      processIdentifier: processIdentifier, startedAt: startedAt, sandbox: sandbox, exitRecord: record)
  }

  private init(processIdentifier: Int32, startedAt: ContinuousClock.Instant, sandbox: Int, exitRecord: ExitRecord) {
    self.processIdentifier = processIdentifier
    self.startedAt = startedAt
    self.sandbox = sandbox
    self.exitRecord = exitRecord
  }

  /// Whether it has not exited yet.
  public var isRunning: Bool { exitRecord.exit == nil }

  /// How it ended, or nil while it runs.
  public var exit: FunctionExit? { exitRecord.exit }

  /// Sends `signal` unless it has already exited.
  public func send(_ signal: Int32) {
    if isRunning { kill(processIdentifier, signal) }
  }

  /// Waits until it has exited and the server has failed what it was serving.
  public func waitForExit() async -> FunctionExit {
    await exitRecord.wait()
  }

  /// Waits until it has exited, at most `limit`; returns how it ended, or nil if it still runs.
  public func waitForExit(atMost limit: Duration) async -> FunctionExit? {
    let stop = ContinuousClock.now + limit
    while isRunning, ContinuousClock.now < stop {
      try? await Task.sleep(for: .milliseconds(5))
    }
    return exit
  }
}

/// The exit of one process, delivered to everyone waiting for it.
private final class ExitRecord: Sendable {
  private struct State {
    var exit: FunctionExit?
    var waiters: [CheckedContinuation<FunctionExit, Never>] = []
    /// The `Process` object, held until it has exited so that its termination handler is sure to run.
    var process: Process?
  }

  private let state = Mutex(State())

  var exit: FunctionExit? { state.withLock { $0.exit } }

  func keepAlive(_ running: sending Process) {
    state.withLock { state in
      if state.exit == nil { state.process = running }
    }
  }

  func complete(_ exit: FunctionExit) {
    let waiters = state.withLock { state in
      state.exit = exit
      state.process = nil
      defer { state.waiters = [] }
      return state.waiters
    }
    for waiter in waiters { waiter.resume(returning: exit) }
  }

  func wait() async -> FunctionExit {
    await withCheckedContinuation { continuation in
      let done = state.withLock { state -> FunctionExit? in
        if let exit = state.exit { return exit }
        state.waiters.append(continuation)
        return nil
      }
      if let done { continuation.resume(returning: done) }
    }
  }
}
