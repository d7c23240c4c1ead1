import Foundation
import LambdaRuntime
import LocalLambdaServer
import Testing

/// Runs `body` with a fresh local server on a free port and a real bootstrap process attached to it.
func withBootstrap(
  _ configuration: LocalLambdaConfiguration = LocalLambdaConfiguration(port: 0),
  environment: [String: String] = [:],
  _ body: (LocalLambdaServer, BootstrapProcess) async throws -> Void
) async throws {
  var configuration = configuration
  configuration.port = 0
  let server = try await LocalLambdaServer.start(configuration)
  do {
    let bootstrap = try await BootstrapProcess(server: server, environment: environment)
    try await body(server, bootstrap)
    if bootstrap.process.isRunning {
      bootstrap.send(SIGKILL)
      _ = await bootstrap.waitForExit()
    }
  } catch {
    await server.shutdown()
    throw error
  }
  await server.shutdown()
}

/// The Runtime API paths bootstrap uses.
enum RuntimePath {
  static let next = "GET /2018-06-01/runtime/invocation/next"
  static let initError = "POST /2018-06-01/runtime/init/error"

  static func response(_ requestId: String) -> String {
    "POST /2018-06-01/runtime/invocation/\(requestId)/response"
  }

  static func error(_ requestId: String) -> String {
    "POST /2018-06-01/runtime/invocation/\(requestId)/error"
  }
}

/// The `Lambda-Runtime-Function-Error-Type` grammar from the Runtime API documentation.
func isValidErrorType(_ value: String?) -> Bool {
  guard let value else { return false }
  return value.wholeMatch(of: /(Runtime|Function)\.[A-Z][a-zA-Z]+/) != nil
}
