import ArgumentParser
import Foundation
import LambdaRuntime
import LocalLambdaServer
import Synchronization

/// `carbontrack serve`: a local Lambda (Runtime API + Invoke API) on 127.0.0.1 that can start the function itself.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run a local Lambda: the Runtime API plus POST /2015-03-31/functions/function/invocations.",
    discussion: """
      With a command after `--`, starts it as the function process (restarting it when it exits or times out):
        carbontrack serve -- .build/release/bootstrap
        curl -d @events/self-test.json localhost:9000/2015-03-31/functions/function/invocations
      Without one, waits for a runtime started elsewhere with AWS_LAMBDA_RUNTIME_API=127.0.0.1:<port>.
      With --benchmark N, sends the --event file N times, prints one JSON line of figures and exits.
      """
  )

  @Option(help: "Port to listen on (0 picks a free one).") var port = 9000
  @Option(help: "Function timeout in seconds.") var timeout = 3.0
  @Option(help: "Function memory size in MB (reported to the function and in REPORT lines).") var memory = 128
  @Option(help: "Function name.") var functionName = "function"
  @Option(help: "The function's Handler setting (_HANDLER) for the started process.") var handler: String?
  @Option(help: "AWS_LAMBDA_LOG_FORMAT for the started process (Text or JSON).") var logFormat: String?
  @Option(help: "AWS_LAMBDA_LOG_LEVEL for the started process.") var logLevel: String?
  @Option(help: "Invoke the function this many times with --event, print figures as JSON and exit.")
  var benchmark: Int?
  @Option(help: "Event file for --benchmark.") var event: String?
  @Flag(help: "Do not print REPORT lines.") var quiet = false
  @Argument(parsing: .postTerminator, help: "The function process to start, e.g. -- .build/release/bootstrap")
  var command: [String] = []

  func validate() throws {
    if benchmark != nil, command.isEmpty || event == nil {
      throw ValidationError("--benchmark needs --event and a function command after --")
    }
  }

  func run() async throws {
    let functionProcess = FunctionProcess()
    let signals = functionProcess.forwardTerminationSignals()
    defer { withExtendedLifetime(signals) {} }
    let quiet = quiet || benchmark != nil
    let configuration = LocalLambdaConfiguration(
      port: port, timeout: .milliseconds(Int64(timeout * 1000)), memoryMB: memory, functionName: functionName,
      onReport: { report in
        if let initDuration = report.initDuration { functionProcess.initDuration.withLock { $0 = initDuration } }
        if !quiet { emit(report.line(maxMemoryUsedMB: functionProcess.peakMemoryMB())) }
        // On Lambda a timed-out sandbox is discarded; do the same so a stuck handler cannot block the next event.
        if report.errorType == "Sandbox.Timedout" { functionProcess.kill() }
      })
    let server = try await LocalLambdaServer.start(configuration, recordRequests: false)
    let endpoint = "http://127.0.0.1:\(server.port)/2015-03-31/functions/function/invocations"
    guard !command.isEmpty else {
      emit(
        "Local Lambda on 127.0.0.1:\(server.port). Start a runtime with AWS_LAMBDA_RUNTIME_API=\(server.runtimeAPIAddress)"
      )
      emit("Invoke: curl -d '{}' \(endpoint)")
      try await Task.sleep(for: .seconds(Int64.max / 2))
      return
    }
    var environment = ProcessInfo.processInfo.environment.merging(server.functionEnvironment) { _, new in new }
    if let handler { environment["_HANDLER"] = handler }
    if let logFormat { environment["AWS_LAMBDA_LOG_FORMAT"] = logFormat }
    if let logLevel { environment["AWS_LAMBDA_LOG_LEVEL"] = logLevel }
    if let benchmark, let event {
      try await runBenchmark(server, functionProcess, environment, invocations: benchmark, eventPath: event)
      return
    }
    emit("Local Lambda on 127.0.0.1:\(server.port), function: \(command.joined(separator: " "))")
    emit("Invoke: curl -d '{}' \(endpoint)")
    while true {
      await server.markProcessStart()
      let status = try await functionProcess.run(command, environment: environment)
      emit("Function process exited with status \(status); restarting it.")
      try await Task.sleep(for: .milliseconds(500))
    }
  }

  private func runBenchmark(
    _ server: LocalLambdaServer,
    _ functionProcess: FunctionProcess,
    _ environment: [String: String],
    invocations: Int,
    eventPath: String
  ) async throws {
    let payload = Array(try Data(contentsOf: URL(fileURLWithPath: eventPath)))
    let command = command
    await server.markProcessStart()
    let started = ContinuousClock.now
    async let exit = functionProcess.run(command, environment: environment)
    let first = try await server.invoke(payload)
    let firstDone = ContinuousClock.now
    let warmStart = ContinuousClock.now
    let cpuBefore = functionProcess.cpuSeconds()
    var failures = first.isSuccess ? 0 : 1
    for _ in 1..<max(invocations, 1) {
      if try await !server.invoke(payload).isSuccess { failures += 1 }
    }
    let warm = ContinuousClock.now - warmStart
    let cpuAfter = functionProcess.cpuSeconds()
    let rssKB = functionProcess.residentMemoryKB()
    functionProcess.kill()
    _ = try await exit
    await server.shutdown()
    let warmMs = milliseconds(warm)
    let perSecond = warmMs > 0 ? Double(invocations - 1) * 1000 / warmMs : 0
    let initMs = functionProcess.initDuration.withLock { $0 }.map(milliseconds) ?? -1
    var cpuPerInvoke = -1.0
    if let cpuBefore, let cpuAfter, invocations > 1 {
      cpuPerInvoke = (cpuAfter - cpuBefore) * 1e6 / Double(invocations - 1)
    }
    let figures: [(String, String)] = [
      ("invocations", "\(invocations)"), ("failures", "\(failures)"), ("initMs", "\(initMs)"),
      ("firstInvokeMs", "\(milliseconds(firstDone - started))"), ("warmInvokesPerSecond", "\(perSecond)"),
      ("rssKB", "\(rssKB ?? -1)"), ("warmCPUMicrosecondsPerInvoke", "\(cpuPerInvoke)"),
    ]
    emit("{" + figures.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
  }
}

private func milliseconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// Writes a line to stdout at once (stdout may be a pipe, where `print` would buffer).
private func emit(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// The function process `serve` started: spawn, wait, kill and read its memory and CPU figures from /proc.
final class FunctionProcess: Sendable {
  /// The running (or last) process, and a signal asked for before the first one was launched.
  private let state = Mutex<(process: Process?, pendingSignal: Int32?)>((nil, nil))
  /// The init duration from the first REPORT (time from spawn to the first `/next`).
  let initDuration = Mutex<Duration?>(nil)
  /// How long a SIGTERM-ed function may take to exit before it is killed.
  private static let terminationGrace: Duration = .seconds(2)

  /// Starts the command and waits until it exits; returns its exit status.
  func run(_ command: [String], environment: [String: String]) async throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.environment = environment
    return try await withCheckedThrowingContinuation { continuation in
      process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
      do {
        try FunctionSpawn.withNoSignalsBlocked { try process.run() }
        // A fast function can be served, and asked to stop, before `run()` returns here.
        let pending = state.withLock { state in
          state.process = process
          defer { state.pendingSignal = nil }
          return state.pendingSignal
        }
        if let pending { Foundation.kill(process.processIdentifier, pending) }
      } catch {
        continuation.resume(throwing: error)
      }
    }
  }

  func kill(_ signal: Int32 = SIGKILL) {
    state.withLock { state in
      guard let process = state.process else {
        state.pendingSignal = signal
        return
      }
      if process.isRunning { Foundation.kill(process.processIdentifier, signal) }
    }
  }

  /// On SIGINT/SIGTERM: SIGTERM the function (it shuts down gracefully), wait for it, then exit.
  ///
  /// A function that ignores SIGTERM or is stuck is killed after `terminationGrace`.
  func forwardTerminationSignals() -> [any DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [self] in
        if let process = state.withLock({ $0.process }), process.isRunning {
          Foundation.kill(process.processIdentifier, SIGTERM)
          let deadline = ContinuousClock.now + Self.terminationGrace
          while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
          if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        }
        Foundation.exit(0)
      }
      source.resume()
      return source
    }
  }

  func peakMemoryMB() -> Int? {
    procStatus("VmHWM:").map { ($0 + 1023) / 1024 }
  }

  func residentMemoryKB() -> Int? {
    procStatus("VmRSS:")
  }

  /// User + system CPU time the function has used so far (10 ms resolution on Linux).
  func cpuSeconds() -> Double? {
    guard let pid = state.withLock({ $0.process?.processIdentifier }),
      let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let commandEnd = stat.lastIndex(of: ")")
    else { return nil }
    // After "pid (command)" come state, ppid, ...; utime and stime are fields 14 and 15 of the whole line.
    let fields = stat[stat.index(after: commandEnd)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  private func procStatus(_ field: String) -> Int? {
    guard let pid = state.withLock({ $0.process?.processIdentifier }),
      let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) })
    else { return nil }
    return Int(line.split(separator: " ").dropFirst().first ?? "")
  }
}
