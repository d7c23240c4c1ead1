import Foundation
import LambdaRuntime
import Testing

@Suite("bootstrap: Runtime API errors", .timeLimit(.minutes(1)))
struct BootstrapRuntimeAPIFailureTests {
  private static let next = "GET /2018-06-01/runtime/invocation/next"

  private func run(_ api: ScriptedRuntimeAPI) throws -> BootstrapProcess {
    try BootstrapProcess(environment: ["AWS_LAMBDA_RUNTIME_API": api.address, "_HANDLER": "echo"])
  }

  @Test func serverErrorOnNextExitsNonZeroWithoutRetrying() async throws {
    let api = try await ScriptedRuntimeAPI { _, _ in (500, [], #"{"errorType":"ServiceException"}"#) }
    let bootstrap = try run(api)
    #expect(await bootstrap.waitForExit(limit: .seconds(5)) == LambdaRuntimeMain.runtimeAPIFailureExitCode)
    #expect(api.requestLines == [Self.next])
    #expect(bootstrap.stderr.contains("returned HTTP 500"))
    await api.shutdown()
  }

  @Test func serverErrorOnResponseExitsNonZero() async throws {
    let api = try await ScriptedRuntimeAPI { method, _ in
      method == "GET"
        ? (200, [("Lambda-Runtime-Aws-Request-Id", "req-1"), ("Lambda-Runtime-Deadline-Ms", "99999999999999")], "{}")
        : (500, [], "")
    }
    let bootstrap = try run(api)
    #expect(await bootstrap.waitForExit(limit: .seconds(5)) == LambdaRuntimeMain.runtimeAPIFailureExitCode)
    #expect(api.requestLines == [Self.next, "POST /2018-06-01/runtime/invocation/req-1/response"])
    await api.shutdown()
  }

  @Test func invocationWithoutRequestIdIsFatal() async throws {
    let api = try await ScriptedRuntimeAPI { _, _ in (200, [("Lambda-Runtime-Deadline-Ms", "99999999999999")], "{}") }
    let bootstrap = try run(api)
    #expect(await bootstrap.waitForExit(limit: .seconds(5)) == LambdaRuntimeMain.runtimeAPIFailureExitCode)
    #expect(bootstrap.stderr.contains("Lambda-Runtime-Aws-Request-Id"))
    #expect(api.requestLines == [Self.next])
    await api.shutdown()
  }
}
