import ArgumentParser

struct SelfTestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "selftest",
    abstract: "Not implemented yet."
  )

  func run() async throws {
    throw ValidationError("'selftest' is not implemented yet")
  }
}
