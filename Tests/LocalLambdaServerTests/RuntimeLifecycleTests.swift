import Foundation
import LambdaRuntime
import LocalLambdaServer
import RuntimeTestSupport
import Testing

@Suite("Runtime: start-up, shutdown and Runtime API failures", .timeLimit(.minutes(1)))
struct RuntimeLifecycleTests {
  @Test func aFailingSetupIsAnInitErrorThenExitStatusOne() async throws {
    try await withTestFunction(environment: ["TEST_FAIL_SETUP": "1"]) { server, function in
      #expect(await function.process.waitForExit(atMost: .seconds(10)) == .exited(status: 1))
      let initError = try #require(await server.initError())
      #expect(initError.header("Lambda-Runtime-Function-Error-Type") == "Function.SetupFailure")
      let body = try #require(initError.jsonObject, "init error body must be JSON: \(initError.bodyText)")
      #expect(body["errorType"] as? String == "Function.SetupFailure")
      #expect((body["errorMessage"] as? String)?.contains("fail its setup") == true)
      #expect((body["stackTrace"] as? [Any])?.isEmpty == true)
      // It never asked for an event.
      #expect(await server.recordedRequests().lines == [RuntimePath.initError])
    }
  }

  @Test func sigtermShutsDownGracefullyWithExitZero() async throws {
    try await withTestFunction { server, function in
      let warmUp = try await server.invoke(Array("{}".utf8))
      #expect(warmUp.isSuccess)
      #expect(await eventually { await server.recordedRequests().lines.last == RuntimePath.next })
      function.process.send(SIGTERM)
      #expect(await function.process.waitForExit(atMost: .seconds(5)) == .exited(status: 0))
      #expect(function.stderr.contains("SIGTERM received"))
      #expect(function.stderr.contains("test function: shutdown action ran"))
      // The `/next` that was waiting held the connection's event loop until the runtime woke it.
      #expect(function.stderr.contains("test function: shutdown action reached every event loop"))
      #expect(function.stderr.contains("Ran 1 shutdown action(s); exiting."))
    }
  }

  @Test func sigtermDuringARunningInvokeAbandonsItAndExitsZero() async throws {
    try await withTestFunction(LocalLambdaConfiguration(port: 0, timeout: .seconds(10))) { server, function in
      let invoke = Task { try await server.invoke(TestFunction.command("spin")) }
      #expect(await eventually { await server.recordedRequests().lines == [RuntimePath.next] })
      try await Task.sleep(for: .milliseconds(200))
      function.process.send(SIGTERM)
      #expect(await function.process.waitForExit(atMost: .seconds(5)) == .exited(status: 0))
      #expect(function.stderr.contains("Abandoning the running invocation."))
      #expect(function.stderr.contains("test function: shutdown action ran"))
      // The abandoned invoke fails when its process is gone, not at the timeout.
      let outcome = try await invoke.value
      #expect(outcome.errorType == "Runtime.ExitError")
    }
  }

  @Test func aLostRuntimeAPIConnectionExitsWithStatusTwoWithoutRetrying() async throws {
    let server = try await LocalLambdaServer.start(LocalLambdaConfiguration(port: 0))
    let function = try ExternalFunction(environment: server.functionEnvironment)
    #expect(try await server.invoke(Array("{}".utf8)).isSuccess)
    #expect(await eventually { await server.recordedRequests().lines.last == RuntimePath.next })
    await server.shutdown()
    #expect(await function.waitForExit(limit: .seconds(5)) == 2)
    #expect(function.stderr.contains("closed the connection"))
  }

  @Test func anUnreachableRuntimeAPIExitsWithStatusTwo() async throws {
    let function = try ExternalFunction(environment: ["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:1"])
    #expect(await function.waitForExit(limit: .seconds(5)) == 2)
    #expect(function.stderr.contains("Cannot connect to the Runtime API"))
  }
}
