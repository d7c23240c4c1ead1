import ArgumentParser
import CarbonTrack
import Foundation

/// `carbontrack tables create|delete|describe`: manages the four tables at the configured endpoint.
struct TablesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tables",
    abstract: "Create, delete or describe the four CarbonTrack tables.",
    discussion: """
      Talks to DYNAMODB_ENDPOINT when set (e.g. a local moto server), else to DynamoDB in AWS_REGION.
      Table names are CARBONTRACK_TABLE_PREFIX (default carbontrack-) + users|entries|goals|achievements.
      """,
    subcommands: [Create.self, Delete.self, Describe.self]
  )

  /// Options shared by the subcommands.
  struct Options: ParsableArguments {
    @Option(help: "Table name prefix (overrides CARBONTRACK_TABLE_PREFIX).") var prefix: String?

    var environment: [String: String] {
      var environment = ProcessInfo.processInfo.environment
      if let prefix { environment["CARBONTRACK_TABLE_PREFIX"] = prefix }
      return environment
    }
  }

  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create missing tables and wait until all are active.")
    @OptionGroup var options: Options

    func run() async throws {
      let created = try await LocalFunction.with(environment: options.environment) { try await $0.store.createTables() }
      print(created.isEmpty ? "All tables already exist." : "Created: \(created.joined(separator: ", "))")
    }
  }

  struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Delete the tables and everything in them.")
    @OptionGroup var options: Options

    func run() async throws {
      let deleted = try await LocalFunction.with(environment: options.environment) { try await $0.store.deleteTables() }
      print(deleted.isEmpty ? "No tables to delete." : "Deleted: \(deleted.joined(separator: ", "))")
    }
  }

  struct Describe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show each table's status and item count.")
    @OptionGroup var options: Options

    func run() async throws {
      let tables = try await LocalFunction.with(environment: options.environment) {
        try await $0.store.describeTables()
      }
      let width = max(5, tables.map(\.name.count).max() ?? 0)
      print("Table".padding(toLength: width + 2, withPad: " ", startingAt: 0) + "Status    Items")
      for table in tables {
        print(
          table.name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            + table.status.padding(toLength: 10, withPad: " ", startingAt: 0)
            + (table.itemCount.map(String.init) ?? "-"))
      }
    }
  }
}
