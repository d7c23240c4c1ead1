import Foundation
import Testing

/// The `RuntimeTestFunction` executable (Tests/RuntimeTestFunction), built beside the test bundle.
package enum TestFunction {
  package static func path() throws -> String {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let candidate = directory.appendingPathComponent("RuntimeTestFunction").path
    try #require(
      FileManager.default.isExecutableFile(atPath: candidate),
      "RuntimeTestFunction not built at \(candidate) (run `swift build --build-tests`)")
    return candidate
  }

  /// An event the test function acts on (see `TestCommand` in its main.swift).
  package static func command(_ action: String, milliseconds: Int? = nil) -> [UInt8] {
    let extra = milliseconds.map { #","milliseconds":\#($0)"# } ?? ""
    return Array(#"{"action":"\#(action)"\#(extra)}"#.utf8)
  }
}
