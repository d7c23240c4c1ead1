import Foundation
import LambdaRuntime
import LocalLambdaServer
import Testing

/// What CarbonTrack adds to the runtime, through the real bootstrap: `_HANDLER`, routing by event shape, its error
/// types and its shutdown work. None of these needs DynamoDB.
@Suite(.timeLimit(.minutes(1)))
struct BootstrapRuntimeTests {
  /// bootstrap started by a fresh local server, with `environment` and its stderr in a file.
  private func withBootstrap(
    environment: [String: String] = [:],
    _ body: (LocalLambdaServer, LocalFunctionProcess, () -> String) async throws -> Void
  ) async throws {
    let server = try await LocalLambdaServer.start(LocalLambdaConfiguration(port: 0, timeout: .seconds(10)))
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("bootstrap-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    var values = server.functionEnvironment.merging(environment) { _, new in new }
    values["DYNAMODB_ENDPOINT"] = "http://127.0.0.1:1"
    values["AWS_ACCESS_KEY_ID"] = "testing"
    values["AWS_SECRET_ACCESS_KEY"] = "testing"
    do {
      let process = try await server.startFunction(
        [try RunningBootstrap.executable().path], environment: values, standardOutput: FileHandle.nullDevice,
        standardError: try FileHandle(forWritingTo: log))
      try await body(server, process) { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    } catch {
      await server.shutdown()
      throw error
    }
    await server.shutdown()
  }

  @Test func anUnknownHandlerSettingIsARuntimeInitErrorThenExitStatusOne() async throws {
    try await withBootstrap(environment: ["_HANDLER": "noSuchHandler"]) { server, process, _ in
      #expect(await process.waitForExit(atMost: .seconds(10)) == .exited(status: 1))
      let initError = try #require(await server.initError())
      #expect(initError.header("Lambda-Runtime-Function-Error-Type") == "Runtime.HandlerNotFound")
      let body = try #require(try JSONSerialization.jsonObject(with: Data(initError.body)) as? [String: Any])
      #expect(body["errorType"] as? String == "Runtime.HandlerNotFound")
      #expect((body["errorMessage"] as? String)?.contains("noSuchHandler") == true)
      #expect(
        await server.recordedRequests().map { "\($0.method) \($0.path)" } == ["POST /2018-06-01/runtime/init/error"])
    }
  }

  @Test func theRouterRejectsAnEventOfUnknownShapeAndActionsNameTheirErrors() async throws {
    try await withBootstrap { server, _, _ in
      let unknownShape = try await server.invoke(Array("12345".utf8))
      #expect(unknownShape.errorType == "Function.InvalidEvent")
      let unknownAction = try await server.invoke(Array(#"{"action":"noSuchAction"}"#.utf8))
      #expect(unknownAction.errorType == "Function.UnknownAction")
      let ping = try await server.invoke(Array(#"{"action":"ping"}"#.utf8))
      #expect(ping.isSuccess)
      #expect(ping.bodyText.contains(#""status":"ok""#))
      #expect(await server.recordedRequests().allSatisfy { $0.header("User-Agent") == "carbontrack-swift-runtime/1.0" })
    }
  }

  @Test func anEventForTheActionHandlerThatDoesNotDecodeNamesTheField() async throws {
    try await withBootstrap(environment: ["_HANDLER": "action"]) { server, _, _ in
      let missing = try await server.invoke(Array(#"{"notAnAction":true}"#.utf8))
      #expect(missing.errorType == "Function.InvalidEvent")
      #expect(missing.bodyText.contains("action"))
    }
  }

  @Test func sigtermClosesTheDynamoDBClientAndExitsZero() async throws {
    try await withBootstrap { server, process, stderr in
      let warmUp = try await server.invoke(Array(#"{"action":"ping"}"#.utf8))
      #expect(warmUp.isSuccess)
      process.send(SIGTERM)
      #expect(await process.waitForExit(atMost: .seconds(5)) == .exited(status: 0))
      #expect(stderr().contains("SIGTERM received"))
      #expect(stderr().contains("Ran 1 shutdown action(s); exiting."), "\(stderr())")
    }
  }
}
