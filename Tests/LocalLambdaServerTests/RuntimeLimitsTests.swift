import Foundation
import LambdaRuntime
import LocalLambdaServer
import RuntimeTestSupport
import Testing

@Suite("Runtime: deadline and payload limits", .timeLimit(.minutes(1)))
struct RuntimeLimitsTests {
  @Test func deadlineInsideTheSafetyMarginIsReportedAsTimeout() async throws {
    // A 40 ms function timeout leaves less than the runtime's 50 ms safety margin: no time to run the handler.
    let configuration = LocalLambdaConfiguration(port: 0, timeout: .milliseconds(40))
    try await withTestFunction(configuration) { server, _ in
      let result = try await server.invoke(Array("{}".utf8))
      // On a starved machine the server's own 40 ms timer may answer the invoker first; the runtime's report
      // to the Runtime API is what this test is about.
      #expect(result.errorType == "Function.Timeout" || result.errorType == "Sandbox.Timedout")
      let errorPath = "/\(result.requestId)/error"
      #expect(await eventually { await server.recordedRequests().contains { $0.path.hasSuffix(errorPath) } })
      let requests = await server.recordedRequests()
      let post = try #require(requests.first { $0.path.hasSuffix(errorPath) })
      #expect(post.header("Lambda-Runtime-Function-Error-Type") == "Function.Timeout")
      #expect((post.jsonObject?["errorMessage"] as? String)?.contains("timed out") == true)
    }
  }

  @Test func responseOverSixMebibytesIsAnErrorAndTheConnectionSurvives() async throws {
    let limit = 6 * 1024 * 1024
    try await withTestFunction { server, _ in
      let result = try await server.invoke(Array(#"{"action":"large","bytes":\#(limit + 1)}"#.utf8))
      #expect(result.errorType == "Function.ResponseSizeTooLarge")
      let requests = await server.recordedRequests()
      #expect(requests.lines.contains(RuntimePath.error(result.requestId)))
      #expect(!requests.lines.contains(RuntimePath.response(result.requestId)))
      let message = try #require(result.jsonObject?["errorMessage"] as? String)
      #expect(message.contains(String(limit + 1)))

      let atLimit = try await server.invoke(Array(#"{"action":"large","bytes":\#(limit)}"#.utf8))
      #expect(atLimit.isSuccess)
      #expect(atLimit.body.count == limit)
    }
  }
}
