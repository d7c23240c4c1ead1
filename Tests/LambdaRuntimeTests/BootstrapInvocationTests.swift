import Foundation
import LambdaRuntime
import Testing

@Suite("bootstrap: invocations through the Runtime API", .timeLimit(.minutes(1)))
struct BootstrapInvocationTests {
  @Test func echoReturnsTheEventAndKeepsServing() async throws {
    try await withBootstrap(environment: ["_HANDLER": "echo"]) { server, _ in
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
      #expect(requests[0].header("Host") == server.runtimeAPIAddress)
    }
  }

  @Test func handlerErrorIsReportedAsFunctionErrorWithJSONBody() async throws {
    try await withBootstrap(environment: ["_HANDLER": "action"]) { server, _ in
      let failed = try await server.invoke(Array(#"{"action":"noSuchAction"}"#.utf8))
      let errorType = try #require(failed.errorType)
      #expect(isValidErrorType(errorType))
      #expect(errorType.hasPrefix("Function."))

      let requests = await server.recordedRequests()
      let post = try #require(requests.first { $0.path.hasSuffix("/\(failed.requestId)/error") })
      #expect(post.header("Lambda-Runtime-Function-Error-Type") == errorType)
      let body = try #require(post.jsonObject, "error body must be valid JSON: \(post.bodyText)")
      #expect(body["errorType"] as? String == errorType)
      #expect((body["errorMessage"] as? String)?.isEmpty == false)
      #expect((body["stackTrace"] as? [Any])?.isEmpty == true)
      #expect(!requests.lines.contains(RuntimePath.response(failed.requestId)))

      // The loop survives the error.
      #expect(await eventually { await server.recordedRequests().lines.filter { $0 == RuntimePath.next }.count >= 2 })
    }
  }

  @Test func undecodableEventIsInvalidEventNamingTheField() async throws {
    try await withBootstrap(environment: ["_HANDLER": "action"]) { server, _ in
      let missing = try await server.invoke(Array(#"{"notAnAction":true}"#.utf8))
      #expect(missing.errorType == "Function.InvalidEvent")
      let message = try #require(missing.jsonObject?["errorMessage"] as? String)
      #expect(message.contains("action"))

      let malformed = try await server.invoke(Array("{not json".utf8))
      #expect(malformed.errorType == "Function.InvalidEvent")
      let requests = await server.recordedRequests()
      let post = try #require(requests.first { $0.path.hasSuffix("/\(malformed.requestId)/error") })
      #expect(post.header("Lambda-Runtime-Function-Error-Type") == "Function.InvalidEvent")
      #expect(post.jsonObject?["errorType"] as? String == "Function.InvalidEvent")
    }
  }

  @Test func routerRejectsAnEventOfUnknownShape() async throws {
    try await withBootstrap(environment: [:]) { server, _ in
      let result = try await server.invoke(Array("12345".utf8))
      #expect(result.errorType == "Function.InvalidEvent")
      let requests = await server.recordedRequests()
      #expect(requests.lines.contains(RuntimePath.error(result.requestId)))
    }
  }
}
