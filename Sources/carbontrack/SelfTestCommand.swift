import ArgumentParser
import CarbonTrack
import Foundation

/// `carbontrack selftest`: creates the tables if missing and runs the ten-step self-test in-process.
struct SelfTestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "selftest",
    abstract: "Create the tables if missing, run the 10-step self-test and print the result.",
    discussion:
      "Exits with status 1 when any step fails. Configured like 'invoke' (DYNAMODB_ENDPOINT, AWS_REGION, ...)."
  )

  @Option(help: "Table name prefix (overrides CARBONTRACK_TABLE_PREFIX).") var prefix: String?
  @Option(help: "Make step N use an invalid key, to see a failing run clean up after itself.") var failStep: Int?
  @Flag(help: "Print the result JSON instead of the table.") var json = false

  func run() async throws {
    var environment = ProcessInfo.processInfo.environment
    if let prefix { environment["CARBONTRACK_TABLE_PREFIX"] = prefix }
    let options = SelfTestOptions(failStep: failStep)
    let result = try await LocalFunction.with(environment: environment) { function in
      let created = try await function.store.createTables()
      if !created.isEmpty, !json { print("Created tables: \(created.joined(separator: ", "))") }
      return await SelfTest(store: function.store, options: options).run()
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      print(String(decoding: try encoder.encode(result), as: UTF8.self))
    } else {
      print(SelfTestTable.render(result))
    }
    if !result.passed { throw ExitCode.failure }
  }
}
