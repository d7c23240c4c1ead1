import Foundation
import LambdaRuntime
import RuntimeTestSupport
import Testing

@Suite("Runtime: Runtime API errors", .timeLimit(.minutes(1)))
struct RuntimeAPIFailureTests {
  private static let next = "GET /2018-06-01/runtime/invocation/next"

  private func run(_ api: ScriptedRuntimeAPI) throws -> ExternalFunction {
    try ExternalFunction(environment: ["AWS_LAMBDA_RUNTIME_API": api.address])
  }

  @Test func serverErrorOnNextExitsNonZeroWithoutRetrying() async throws {
    let api = try await ScriptedRuntimeAPI { _, _ in (500, [], #"{"errorType":"ServiceException"}"#) }
    let function = try run(api)
    #expect(
      await function.waitForExit(limit: .seconds(5)) == LambdaRuntimeError.runtimeAPI(.connectionClosed).exitStatus)
    #expect(api.requestLines == [Self.next])
    #expect(function.stderr.contains("returned HTTP 500"))
    await api.shutdown()
  }

  @Test func serverErrorOnResponseExitsNonZero() async throws {
    let api = try await ScriptedRuntimeAPI { method, _ in
      method == "GET"
        ? (200, [("Lambda-Runtime-Aws-Request-Id", "req-1"), ("Lambda-Runtime-Deadline-Ms", "99999999999999")], "{}")
        : (500, [], "")
    }
    let function = try run(api)
    #expect(
      await function.waitForExit(limit: .seconds(5)) == LambdaRuntimeError.runtimeAPI(.connectionClosed).exitStatus)
    #expect(api.requestLines == [Self.next, "POST /2018-06-01/runtime/invocation/req-1/response"])
    await api.shutdown()
  }

  @Test func invocationWithoutRequestIdIsFatal() async throws {
    let api = try await ScriptedRuntimeAPI { _, _ in (200, [("Lambda-Runtime-Deadline-Ms", "99999999999999")], "{}") }
    let function = try run(api)
    #expect(
      await function.waitForExit(limit: .seconds(5)) == LambdaRuntimeError.runtimeAPI(.connectionClosed).exitStatus)
    #expect(function.stderr.contains("Lambda-Runtime-Aws-Request-Id"))
    #expect(api.requestLines == [Self.next])
    await api.shutdown()
  }

  @Test func aHostileRequestIdStaysOneSegmentOfTheResponsePath() async throws {
    let api = try await ScriptedRuntimeAPI { method, _ in
      method == "GET"
        ? (
          200,
          [("Lambda-Runtime-Aws-Request-Id", "../../init/error x"), ("Lambda-Runtime-Deadline-Ms", "99999999999999")],
          "{}"
        )
        : (500, [], "")
    }
    let function = try run(api)
    _ = await function.waitForExit(limit: .seconds(5))
    #expect(api.requestLines == [Self.next, "POST /2018-06-01/runtime/invocation/..%2F..%2Finit%2Ferror%20x/response"])
    await api.shutdown()
  }
}
