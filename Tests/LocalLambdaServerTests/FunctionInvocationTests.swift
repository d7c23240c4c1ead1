import Foundation
import LambdaRuntime
import RuntimeTestSupport
import Testing

@Suite("Runtime: invocations through a real Runtime API", .timeLimit(.minutes(1)))
struct FunctionInvocationTests {
  @Test func theResponseIsPostedWithItsLengthAndTheLoopKeepsServing() async throws {
    try await withTestFunction { server, function in
      let event = Array(#"{"hello":"wörld","list":[1,2,3],"line":"a\nb"}"#.utf8)
      let first = try await server.invoke(event)
      #expect(first.isSuccess)
      #expect(first.body == event)
      let second = try await server.invoke(Array("[]".utf8))
      #expect(second.bodyText == "[]")
      #expect(await eventually { await server.recordedRequests().count >= 5 })

      let requests = await server.recordedRequests()
      #expect(
        Array(requests.lines.prefix(5)) == [
          RuntimePath.next, RuntimePath.response(first.requestId), RuntimePath.next,
          RuntimePath.response(second.requestId), RuntimePath.next,
        ])
      let response = requests[1]
      #expect(response.body == event)
      #expect(response.header("Content-Length") == String(event.count))
      #expect(response.header("Lambda-Runtime-Function-Error-Type") == nil)
      #expect(requests[0].header("Host")?.hasPrefix("127.0.0.1:") == true)
      #expect(requests[0].header("User-Agent") == "runtime-test-function/1.0", "the User-Agent is the function's")
    }
  }

  @Test func aHandlerErrorIsReportedAsAFunctionErrorWithAJSONBody() async throws {
    try await withTestFunction { server, _ in
      let failed = try await server.invoke(Array(#"{"action":"fail","message":"no luck"}"#.utf8))
      #expect(failed.errorType == "Function.TestFailure")
      #expect(isValidErrorType(failed.errorType))

      let requests = await server.recordedRequests()
      let post = try #require(requests.first { $0.path.hasSuffix("/\(failed.requestId)/error") })
      #expect(post.header("Lambda-Runtime-Function-Error-Type") == "Function.TestFailure")
      let body = try #require(post.jsonObject, "error body must be valid JSON: \(post.bodyText)")
      #expect(body["errorType"] as? String == "Function.TestFailure")
      #expect(body["errorMessage"] as? String == "no luck")
      #expect((body["stackTrace"] as? [Any])?.isEmpty == true)
      #expect(!requests.lines.contains(RuntimePath.response(failed.requestId)))

      // The loop survives the error.
      #expect(try await server.invoke(Array("{}".utf8)).isSuccess)
    }
  }
}
