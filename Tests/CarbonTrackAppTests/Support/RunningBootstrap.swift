import Foundation
import LambdaRuntime
import LocalLambdaServer
import SharedSupport
import Testing

/// The real `bootstrap` executable serving a `LocalLambdaServer`, for end-to-end event tests.
struct RunningBootstrap {
  let server: LocalLambdaServer
  let process: Process

  /// `BOOTSTRAP_RELEASE_PATH` if set, else the debug build beside the test bundle.
  static func executable() throws -> URL {
    if let release = ProcessInfo.processInfo.environment["BOOTSTRAP_RELEASE_PATH"], !release.isEmpty {
      return URL(fileURLWithPath: release)
    }
    return try builtProduct("bootstrap")
  }

  /// An executable of this package from the build directory the tests run from.
  static func builtProduct(_ name: String) throws -> URL {
    let buildDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    let binary = buildDirectory.appendingPathComponent(name)
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build \(name) first: \(binary.path)")
    return binary
  }

  /// Runs `body` with bootstrap started against a fresh local server and `environment`, then stops both.
  static func with(
    environment: [String: String], _ body: (LocalLambdaServer) async throws -> Void
  ) async throws {
    try await withProcess(environment: environment) { server, _ in try await body(server) }
  }

  /// As `with(environment:_:)`, also handing `body` the function's process (to read its /proc entries, say).
  static func withProcess(
    environment: [String: String], timeout: Duration = .seconds(30),
    _ body: (LocalLambdaServer, Process) async throws -> Void
  ) async throws {
    let server = try await LocalLambdaServer.start(
      LocalLambdaConfiguration(port: 0, timeout: timeout, functionName: "carbontrack-events"))
    let process = Process()
    process.executableURL = try executable()
    process.environment = server.functionEnvironment.merging(environment) { _, ours in ours }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    await server.markProcessStart()
    try FunctionSpawn.withNoSignalsBlocked { try process.run() }
    defer {
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
    }
    do {
      try await body(server, process)
    } catch {
      await server.shutdown()
      throw error
    }
    await server.shutdown()
  }
}
