import Foundation
import LambdaRuntime
import LocalLambdaServer
import Testing

@Suite("bootstrap: start-up, shutdown and Runtime API failures", .timeLimit(.minutes(1)))
struct BootstrapLifecycleTests {
  @Test func unknownHandlerIsAnInitErrorThenNonZeroExit() async throws {
    try await withBootstrap(environment: ["_HANDLER": "noSuchHandler"]) { server, bootstrap in
      let status = await bootstrap.waitForExit()
      #expect(status == LambdaRuntimeMain.initFailureExitCode)

      let initError = try #require(await server.initError())
      #expect(initError.header("Lambda-Runtime-Function-Error-Type") == "Runtime.HandlerNotFound")
      let body = try #require(initError.jsonObject, "init error body must be JSON: \(initError.bodyText)")
      #expect(body["errorType"] as? String == "Runtime.HandlerNotFound")
      #expect((body["errorMessage"] as? String)?.contains("noSuchHandler") == true)
      #expect((body["stackTrace"] as? [Any])?.isEmpty == true)
      // It never asked for an event.
      #expect(await server.recordedRequests().lines == [RuntimePath.initError])
    }
  }

  @Test func sigtermShutsDownGracefullyWithExitZero() async throws {
    try await withBootstrap(environment: ["_HANDLER": "echo"]) { server, bootstrap in
      let warmUp = try await server.invoke(Array("{}".utf8))
      #expect(warmUp.isSuccess)
      let waiting = await eventually { await server.recordedRequests().lines.last == RuntimePath.next }
      #expect(waiting)
      bootstrap.send(SIGTERM)
      #expect(await bootstrap.waitForExit(limit: .seconds(5)) == 0)
      #expect(bootstrap.stderr.contains("SIGTERM received"))
      // CarbonTrack registers closing its DynamoDB client.
      #expect(bootstrap.stderr.contains(/Ran [1-9][0-9]* shutdown action/))
    }
  }

  @Test func sigtermDuringARunningInvokeAbandonsItAndExitsZero() async throws {
    // The self-test's first DynamoDB call goes to a server that never answers, so the invoke is still running.
    let silentDynamoDB = try SilentTCPListener()
    let environment = [
      "_HANDLER": "router", "DYNAMODB_ENDPOINT": "http://127.0.0.1:\(silentDynamoDB.port)",
      "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
    ]
    try await withBootstrap(LocalLambdaConfiguration(port: 0, timeout: .seconds(4)), environment: environment) {
      server, bootstrap in
      let invoke = Task { try await server.invoke(Array(#"{"action":"selfTest"}"#.utf8)) }
      let running = await eventually { await server.recordedRequests().lines == [RuntimePath.next] }
      #expect(running, "bootstrap should have taken the event")
      try await Task.sleep(for: .milliseconds(300))
      #expect(bootstrap.process.isRunning)
      bootstrap.send(SIGTERM)
      #expect(await bootstrap.waitForExit(limit: .seconds(5)) == 0)
      #expect(bootstrap.stderr.contains("SIGTERM received"))
      #expect(bootstrap.stderr.contains(/Ran [1-9][0-9]* shutdown action/))
      // The abandoned invoke gets no answer; the server reports it when the function's timeout passes.
      let outcome = try await invoke.value
      #expect(!outcome.isSuccess)
    }
  }

  @Test func lostRuntimeAPIConnectionExitsNonZeroWithoutRetrying() async throws {
    try await withBootstrap(environment: ["_HANDLER": "echo"]) { server, bootstrap in
      let warmUp = try await server.invoke(Array("{}".utf8))
      #expect(warmUp.isSuccess)
      let waiting = await eventually { await server.recordedRequests().lines.last == RuntimePath.next }
      #expect(waiting)
      await server.shutdown()
      #expect(await bootstrap.waitForExit(limit: .seconds(5)) == LambdaRuntimeMain.runtimeAPIFailureExitCode)
      #expect(bootstrap.stderr.contains("closed the connection"))
    }
  }

  @Test func unreachableRuntimeAPIExitsNonZero() async throws {
    try await withBootstrap(environment: ["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:1"]) { _, bootstrap in
      #expect(await bootstrap.waitForExit(limit: .seconds(5)) == LambdaRuntimeMain.runtimeAPIFailureExitCode)
      #expect(bootstrap.stderr.contains("Cannot connect to the Runtime API"))
    }
  }
}
