import Foundation
import Testing

/// Where the `bootstrap` executables under test live.
enum BootstrapBinary {
  static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// The debug build next to the test bundle (or `BOOTSTRAP_RELEASE_PATH` when set), which must exist.
  static func path() throws -> String {
    if let release = releasePath { return release }
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var candidates = [testBinary.deletingLastPathComponent().appendingPathComponent("bootstrap").path]
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug/bootstrap").path)
    let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(found, "bootstrap not built; looked at \(candidates) (run `swift build --build-tests`)")
  }

  /// `BOOTSTRAP_RELEASE_PATH` (set by scripts/test.sh), if present.
  static var releasePath: String? {
    ProcessInfo.processInfo.environment["BOOTSTRAP_RELEASE_PATH"].flatMap { $0.isEmpty ? nil : $0 }
  }
}
