import Foundation
import LambdaRuntime
import LocalLambdaServer
import Testing

@Suite("bootstrap: deadline and payload limits", .timeLimit(.minutes(1)))
struct BootstrapLimitsTests {
  @Test func deadlineInsideTheSafetyMarginIsReportedAsTimeout() async throws {
    // A 40 ms function timeout leaves less than the runtime's 50 ms safety margin: no time to run the handler.
    let configuration = LocalLambdaConfiguration(port: 0, timeout: .milliseconds(40))
    try await withBootstrap(configuration, environment: ["_HANDLER": "echo"]) { server, _ in
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
    // Events of this size are larger than Lambda accepts, so the server is told to take them.
    let configuration = LocalLambdaConfiguration(port: 0, maxEventBytes: 8 * 1024 * 1024)
    try await withBootstrap(configuration, environment: ["_HANDLER": "echo"]) { server, _ in
      let big = Array("\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: limit - 1) + Array("\"".utf8)
      let result = try await server.invoke(big)
      #expect(result.errorType == "Function.ResponseSizeTooLarge")
      let requests = await server.recordedRequests()
      #expect(requests.lines.contains(RuntimePath.error(result.requestId)))
      #expect(!requests.lines.contains(RuntimePath.response(result.requestId)))
      let message = try #require(result.jsonObject?["errorMessage"] as? String)
      #expect(message.contains(String(limit + 1)))

      let exactlyAtLimit = Array(big.dropLast(2)) + Array("\"".utf8)
      #expect(exactlyAtLimit.count == limit)
      let atLimit = try await server.invoke(exactlyAtLimit)
      #expect(atLimit.isSuccess)
    }
  }
}
