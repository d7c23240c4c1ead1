import Foundation
import SharedSupport

/// The test function started as a plain process with an environment of the test's choosing (e.g. pointing at a
/// misbehaving Runtime API), with its stderr captured.
package final class ExternalFunction {
  package let process = Process()
  private let stderrURL: URL

  /// Starts the test function with exactly `environment` (plus PATH).
  package init(environment: [String: String]) throws {
    stderrURL = FileManager.default.temporaryDirectory.appendingPathComponent("function-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
    process.executableURL = URL(fileURLWithPath: try TestFunction.path())
    var environment = environment
    environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
    process.environment = environment
    process.standardError = try FileHandle(forWritingTo: stderrURL)
    process.standardOutput = FileHandle.nullDevice
    try FunctionSpawn.withNoSignalsBlocked { try process.run() }
  }

  deinit {
    if process.isRunning { process.terminate() }
    try? FileManager.default.removeItem(at: stderrURL)
  }

  /// Everything the process wrote to stderr so far.
  package var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

  /// Waits for the process to exit; returns its status, or nil if it is still running after `limit`.
  package func waitForExit(limit: Duration = .seconds(10)) async -> Int32? {
    let stop = ContinuousClock.now + limit
    while process.isRunning, ContinuousClock.now < stop {
      try? await Task.sleep(for: .milliseconds(10))
    }
    if process.isRunning { return nil }
    return process.terminationStatus
  }
}
