import ArgumentParser

struct TablesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tables",
    abstract: "Not implemented yet."
  )

  func run() async throws {
    throw ValidationError("'tables' is not implemented yet")
  }
}
