import ArgumentParser

struct InvokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "invoke",
    abstract: "Not implemented yet."
  )

  func run() async throws {
    throw ValidationError("'invoke' is not implemented yet")
  }
}
