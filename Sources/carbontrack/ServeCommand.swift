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
      With --http PORT, also serves plain HTTP on 127.0.0.1:PORT as a function URL would: each request becomes a
      payload 2.0 event, a bearer token's claims go where the JWT authorizer puts them (decoded, not verified,
      unless --jwks names a key set to verify them against):
        carbontrack serve --http 8080 -- .build/release/bootstrap
        curl -H "Authorization: Bearer $TOKEN" localhost:8080/users/u1/entries
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
  @Option(help: "Also serve plain HTTP on 127.0.0.1:PORT, as a function URL (0 picks a free port).") var http: Int?
  @Option(help: "A JWKS file: with --http, bearer tokens must be signed (RS256/ES256) by one of its keys.")
  var jwks: String?
  @Flag(help: "Do not print REPORT lines.") var quiet = false
  @Argument(parsing: .postTerminator, help: "The function process to start, e.g. -- .build/release/bootstrap")
  var command: [String] = []

  func validate() throws {
    if benchmark != nil, command.isEmpty || event == nil {
      throw ValidationError("--benchmark needs --event and a function command after --")
    }
    if jwks != nil, http == nil { throw ValidationError("--jwks applies to --http") }
  }

  func run() async throws {
    let figures = FunctionFigures()
    let quiet = quiet || benchmark != nil
    let configuration = LocalLambdaConfiguration(
      port: port, timeout: .milliseconds(Int64(timeout * 1000)), memoryMB: memory, functionName: functionName,
      onReport: { report in
        if let initDuration = report.initDuration { figures.initDuration.withLock { $0 = initDuration } }
        if !quiet { emit(report.line(maxMemoryUsedMB: figures.peakMemoryMB())) }
      })
    let server = try await LocalLambdaServer.start(configuration, recordRequests: false)
    let endpoint = "http://127.0.0.1:\(server.port)/2015-03-31/functions/function/invocations"
    let front = try await startHTTPFront(server)
    defer { withExtendedLifetime(front) {} }
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
      try await runBenchmark(server, figures, environment, invocations: benchmark, eventPath: event)
      return
    }
    let supervisor = FunctionSupervisor(
      server: server, command: command, environment: environment,
      onStart: { emit("Function process \($0.processIdentifier) started.") },
      onExit: { emit("Function process ended (\($0)); starting a new one.") })
    figures.source = { supervisor.current }
    let signals = forwardTerminationSignals(to: supervisor)
    defer { withExtendedLifetime(signals) {} }
    emit("Local Lambda on 127.0.0.1:\(server.port), function: \(command.joined(separator: " "))")
    emit("Invoke: curl -d '{}' \(endpoint)")
    try await supervisor.run()
    // `run` returns only once a stop signal has arrived; the signal handler exits the process.
    try await Task.sleep(for: .seconds(Int64.max / 2))
  }

  /// The `--http` front, when asked for; its address is printed first thing.
  private func startHTTPFront(_ server: LocalLambdaServer) async throws -> LocalHTTPFront? {
    guard let http else { return nil }
    let keySet = try jwks.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
    let front = try await LocalHTTPFront.start(for: server, port: http, jwks: keySet)
    emit("HTTP on http://127.0.0.1:\(front.port) (function URL events, payload 2.0).")
    if keySet == nil {
      emit("Warning: bearer tokens are decoded, not verified (--jwks verifies them); listening on loopback only.")
    }
    return front
  }

  private func runBenchmark(
    _ server: LocalLambdaServer,
    _ figures: FunctionFigures,
    _ environment: [String: String],
    invocations: Int,
    eventPath: String
  ) async throws {
    let payload = Array(try Data(contentsOf: URL(fileURLWithPath: eventPath)))
    let started = ContinuousClock.now
    let process = try await server.startFunction(command, environment: environment)
    figures.source = { process }
    let first = try await server.invoke(payload)
    let firstDone = ContinuousClock.now
    let warmStart = ContinuousClock.now
    let cpuBefore = figures.cpuSeconds()
    var failures = first.isSuccess ? 0 : 1
    for _ in 1..<max(invocations, 1) {
      if try await !server.invoke(payload).isSuccess { failures += 1 }
    }
    let warm = ContinuousClock.now - warmStart
    let cpuAfter = figures.cpuSeconds()
    let rssKB = figures.residentMemoryKB()
    process.send(SIGKILL)
    _ = await process.waitForExit()
    await server.shutdown()
    let warmMs = warm.milliseconds
    let perSecond = warmMs > 0 ? Double(invocations - 1) * 1000 / warmMs : 0
    let initMs = figures.initDuration.withLock { $0 }.map(\.milliseconds) ?? -1
    var cpuPerInvoke = -1.0
    if let cpuBefore, let cpuAfter, invocations > 1 {
      cpuPerInvoke = (cpuAfter - cpuBefore) * 1e6 / Double(invocations - 1)
    }
    let results: [(String, String)] = [
      ("invocations", "\(invocations)"), ("failures", "\(failures)"), ("initMs", "\(initMs)"),
      ("firstInvokeMs", "\((firstDone - started).milliseconds)"), ("warmInvokesPerSecond", "\(perSecond)"),
      ("rssKB", "\(rssKB ?? -1)"), ("warmCPUMicrosecondsPerInvoke", "\(cpuPerInvoke)"),
    ]
    emit("{" + results.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
  }
}

/// On SIGINT/SIGTERM: stop the function (SIGTERM, then SIGKILL after `terminationGrace` if it is stuck or ignores
/// it), then exit.
private func forwardTerminationSignals(to supervisor: FunctionSupervisor) -> [any DispatchSourceSignal] {
  [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
    signal(number, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
    source.setEventHandler {
      // Unstructured: the signal arrives outside any task, and this task ends the process.
      Task {
        await supervisor.stop(grace: terminationGrace)
        Foundation.exit(0)
      }
    }
    source.resume()
    return source
  }
}

/// How long a SIGTERM-ed function may take to exit before it is killed.
private let terminationGrace: Duration = .seconds(2)

/// Writes a line to stdout at once (stdout may be a pipe, where `print` would buffer).
private func emit(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// The figures of the function process `serve` runs, read from /proc: memory for REPORT lines, CPU and memory for
/// `--benchmark`.
final class FunctionFigures: Sendable {
  /// The init duration from the first REPORT (time from spawn to the first `/next`).
  let initDuration = Mutex<Duration?>(nil)
  private let process = Mutex<(@Sendable () -> LocalFunctionProcess?)?>(nil)

  /// Where to find the current process.
  var source: (@Sendable () -> LocalFunctionProcess?)? {
    get { process.withLock { $0 } }
    set { process.withLock { $0 = newValue } }
  }

  func peakMemoryMB() -> Int? {
    procStatus("VmHWM:").map { ($0 + 1023) / 1024 }
  }

  func residentMemoryKB() -> Int? {
    procStatus("VmRSS:")
  }

  /// User + system CPU time the function has used so far (10 ms resolution on Linux).
  func cpuSeconds() -> Double? {
    guard let pid = source?()?.processIdentifier,
      let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let commandEnd = stat.lastIndex(of: ")")
    else { return nil }
    // After "pid (command)" come state, ppid, ...; utime and stime are fields 14 and 15 of the whole line.
    let fields = stat[stat.index(after: commandEnd)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  private func procStatus(_ field: String) -> Int? {
    guard let pid = source?()?.processIdentifier,
      let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) })
    else { return nil }
    return Int(line.split(separator: " ").dropFirst().first ?? "")
  }
}
