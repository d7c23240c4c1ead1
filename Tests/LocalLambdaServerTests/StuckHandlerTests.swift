import Foundation
import LambdaRuntime
import LocalLambdaServer
import RuntimeTestSupport
import Testing

/// Lambda resets a sandbox only on its own timeout; after the runtime's `Function.Timeout` the process lives on, so
/// a handler that ignores cancellation must not keep running into the next invocation.
@Suite("Runtime: a handler that ignores its timeout", .timeLimit(.minutes(1)))
struct StuckHandlerTests {
  private let configuration = LocalLambdaConfiguration(port: 0, timeout: .milliseconds(600))

  @Test func aHandlerStillSpinningAfterTheGraceEndsTheProcessWithStatusThree() async throws {
    try await withTestFunction(configuration) { server, function in
      let result = try await server.invoke(TestFunction.command("spin"))
      // On a starved machine the server's own timer may answer the invoker first; the runtime's report is checked
      // on the wire below.
      #expect(result.errorType == "Function.Timeout" || result.errorType == "Sandbox.Timedout")
      let errorPath = "/\(result.requestId)/error"
      #expect(await eventually { await server.recordedRequests().contains { $0.path.hasSuffix(errorPath) } })
      let report = try #require(await server.recordedRequests().first { $0.path.hasSuffix(errorPath) })
      #expect(report.header("Lambda-Runtime-Function-Error-Type") == "Function.Timeout")

      let exit = await function.process.waitForExit(atMost: .seconds(10))
      #expect(exit == .exited(status: LambdaRuntimeError.handlerDidNotStop(requestId: "", grace: .zero).exitStatus))
      #expect(function.stderr.contains("was still running"), "\(function.stderr)")
      // It stopped instead of asking for the next event.
      let requests = await server.recordedRequests()
      #expect(requests.lines.filter { $0 == RuntimePath.next }.count == 1, "\(requests.lines)")
    }
  }

  @Test func aHandlerThatStopsWithinTheGraceKeepsTheProcessServing() async throws {
    try await withTestFunction(configuration) { server, function in
      let timedOut = try await server.invoke(TestFunction.command("spinPastDeadline"))
      #expect(timedOut.errorType == "Function.Timeout" || timedOut.errorType == "Sandbox.Timedout")
      let next = try await server.invoke(Array(#"{"after":"timeout"}"#.utf8))
      #expect(next.isSuccess)
      #expect(next.bodyText == #"{"after":"timeout"}"#)
      #expect(function.process.isRunning)
    }
  }
}
