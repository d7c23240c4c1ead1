import Foundation
import LocalLambdaServer
import RuntimeTestSupport

/// A test function process a local server started, with its stderr in a file.
final class StartedFunction: Sendable {
  let process: LocalFunctionProcess
  private let stderrURL: URL

  init(server: LocalLambdaServer, environment extra: [String: String] = [:]) async throws {
    stderrURL = FileManager.default.temporaryDirectory.appendingPathComponent("function-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
    var environment = server.functionEnvironment.merging(extra) { _, new in new }
    environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
    process = try await server.startFunction(
      [try TestFunction.path()], environment: environment, standardOutput: FileHandle.nullDevice,
      standardError: try FileHandle(forWritingTo: stderrURL))
  }

  deinit {
    process.send(SIGKILL)
    try? FileManager.default.removeItem(at: stderrURL)
  }

  /// Everything the process wrote to stderr so far.
  var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

  /// Non-empty stderr lines.
  var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// Runs `body` with a fresh local server on a free port and a test function process it started.
func withTestFunction(
  _ configuration: LocalLambdaConfiguration = LocalLambdaConfiguration(port: 0),
  environment: [String: String] = [:],
  _ body: (LocalLambdaServer, StartedFunction) async throws -> Void
) async throws {
  var configuration = configuration
  configuration.port = 0
  let server = try await LocalLambdaServer.start(configuration)
  do {
    let function = try await StartedFunction(server: server, environment: environment)
    try await body(server, function)
  } catch {
    await server.shutdown()
    throw error
  }
  await server.shutdown()
}
