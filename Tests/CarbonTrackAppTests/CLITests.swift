import CarbonTrackTestSupport
import Foundation
import Testing

@testable import CarbonTrack

/// The `carbontrack` executable's invoke, tables and selftest commands, run as a process.
@Suite(.enabled(if: TestEnvironment.integrationEnabled)) struct CLITests {
  struct Run {
    var status: Int32
    var output: String
  }

  func carbontrack(_ arguments: [String], environment: [String: String]) throws -> Run {
    let binary = try RunningBootstrap.builtProduct("carbontrack")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = EventFiles.root.deletingLastPathComponent()
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }

  @Test func selftestCreatesTablesPassesAndFailsOnInjectedFailure() throws {
    let prefix = TestEnvironment.uniquePrefix("cli")
    let environment = try TestEnvironment.functionEnvironment(prefix: prefix)
    defer { _ = try? carbontrack(["tables", "delete"], environment: environment) }

    let passing = try carbontrack(["selftest"], environment: environment)
    #expect(passing.status == 0, "\(passing.output)")
    #expect(passing.output.contains("Created tables: \(prefix)users"))
    #expect(passing.output.contains("10/10 passed (100.0%) — PASS"))

    let failing = try carbontrack(["selftest", "--fail-step", "4"], environment: environment)
    #expect(failing.status == 1)
    #expect(failing.output.contains("ValidationException"))

    let described = try carbontrack(["tables", "describe"], environment: environment)
    #expect(described.output.split(separator: "\n").filter { $0.contains("ACTIVE") }.count == 4)
    #expect(described.output.contains("\(prefix)entries"))

    let invoked = try carbontrack(["invoke", "events/self-test.json", "--pretty"], environment: environment)
    #expect(invoked.status == 0)
    #expect(invoked.output.contains("Delete all test data and confirm nothing remains"))

    let unknown = try carbontrack(["invoke", "-", "--handler", "action"], environment: environment)
    #expect(unknown.status == 1)
    #expect(unknown.output.contains(#""errorType":"Function.InvalidEvent""#))
    #expect(unknown.output.contains(#""stackTrace":[]"#))

    let deleted = try carbontrack(["tables", "delete"], environment: environment)
    #expect(deleted.output.contains("Deleted: \(prefix)users"))
  }
}
