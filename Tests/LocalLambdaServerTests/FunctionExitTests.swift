import Foundation
import LambdaRuntime
import LocalLambdaServer
import RuntimeTestSupport
import Testing

/// A function process that exits or crashes while it serves an invocation, or while it waits for one.
@Suite("LocalLambdaServer: function processes that exit", .timeLimit(.minutes(1)))
struct FunctionExitTests {
  private let configuration = LocalLambdaConfiguration(port: 0, timeout: .seconds(30))
  /// Swift's backtracer catches a SIGSEGV sent with kill(2), prints a backtrace and lets the process go on (Swift
  /// 6.3); a real fault still ends it. Without the backtracer the signal ends the process, as a crash does.
  private let crashable = ["SWIFT_BACKTRACE": "enable=no"]

  /// Waits until `count` `/next` calls have reached the server.
  private func waitForNextCalls(_ server: LocalLambdaServer, count: Int) async -> Bool {
    await eventually { await server.recordedRequests().lines.filter { $0 == RuntimePath.next }.count >= count }
  }

  @Test func aCrashMidInvokeFailsItWithExitErrorAtOnce() async throws {
    try await withTestFunction(configuration, environment: crashable) { server, function in
      let slow = Task { try await server.invoke(TestFunction.command("sleep", milliseconds: 20_000)) }
      #expect(await waitForNextCalls(server, count: 1))
      try await Task.sleep(for: .milliseconds(200))
      let crashed = ContinuousClock.now
      kill(function.process.processIdentifier, SIGSEGV)
      let result = try await slow.value
      #expect(ContinuousClock.now - crashed < .seconds(2), "reported when the process died, not at the timeout")
      #expect(result.errorType == "Runtime.ExitError")
      let body = try #require(result.jsonObject)
      #expect(body["errorType"] as? String == "Runtime.ExitError")
      let message = try #require(body["errorMessage"] as? String)
      #expect(message.contains(result.requestId))
      #expect(message.contains("Runtime exited with error: signal: segmentation fault"), "\(message)")
      #expect(await function.process.waitForExit() == .signalled(SIGSEGV))
    }
  }

  @Test func theSupervisorRestartsACrashedFunctionAndTheNextEventSucceeds() async throws {
    let server = try await LocalLambdaServer.start(configuration)
    let exits = RequestLines()
    let supervisor = FunctionSupervisor(
      server: server, command: [try TestFunction.path()],
      environment: server.functionEnvironment.merging(crashable) { _, new in new },
      onExit: { exits.append("\($0)") })
    let supervising = Task { try await supervisor.run() }
    let slow = Task { try await server.invoke(TestFunction.command("sleep", milliseconds: 20_000)) }
    #expect(await waitForNextCalls(server, count: 1))
    let first = try #require(supervisor.current)
    kill(first.processIdentifier, SIGSEGV)
    #expect(try await slow.value.errorType == "Runtime.ExitError")

    let started = ContinuousClock.now
    let ping = try await server.invoke(Array(#"{"ping":true}"#.utf8))
    #expect(ping.isSuccess)
    #expect(ContinuousClock.now - started < .seconds(2), "a new process serves the next event at once")
    let second = try #require(supervisor.current)
    #expect(second.processIdentifier != first.processIdentifier)
    #expect(exits.all == ["signal: segmentation fault"])

    await supervisor.stop(grace: .seconds(2))
    try await supervising.value
    #expect(second.exit == .exited(status: 0), "SIGTERM shuts the runtime down cleanly")
    await server.shutdown()
  }

  @Test func aProcessKilledWhileWaitingForAnEventNeverReceivesOne() async throws {
    let server = try await LocalLambdaServer.start(configuration)
    let dead = try await StartedFunction(server: server)
    #expect(await waitForNextCalls(server, count: 1))
    dead.process.send(SIGKILL)
    #expect(await dead.process.waitForExit() == .signalled(SIGKILL))

    // Queued while no process runs; the dead process's `/next` must not take it.
    let invoke = Task { try await server.invoke(Array(#"{"queued":true}"#.utf8)) }
    try await Task.sleep(for: .milliseconds(100))
    let live = try await StartedFunction(server: server)
    let result = try await invoke.value
    #expect(result.isSuccess)
    #expect(result.bodyText == #"{"queued":true}"#)
    #expect(live.process.isRunning)
    await server.shutdown()
  }

  @Test func aTimeoutKillsOnlyTheProcessThatHadTheInvocation() async throws {
    let server = try await LocalLambdaServer.start(LocalLambdaConfiguration(port: 0, timeout: .seconds(1)))
    let owner = try await StartedFunction(server: server)
    #expect(await waitForNextCalls(server, count: 1))
    let stuck = Task { try await server.invoke(TestFunction.command("spin")) }
    // The owner has the event; a second process starts and waits for the next one.
    try await Task.sleep(for: .milliseconds(200))
    let bystander = try await StartedFunction(server: server)
    #expect(await waitForNextCalls(server, count: 2))

    let timedOut = try await stuck.value
    #expect(timedOut.errorType == "Function.Timeout" || timedOut.errorType == "Sandbox.Timedout")
    // The owner exits (status 3 after its own report, or killed by the server's timeout); the bystander serves on.
    #expect(await owner.process.waitForExit(atMost: .seconds(10)) != nil)
    let next = try await server.invoke(Array(#"{"still":"here"}"#.utf8))
    #expect(next.isSuccess)
    #expect(bystander.process.isRunning)
    await server.shutdown()
  }
}
