import ArgumentParser

@main
struct CarbonTrackCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "carbontrack",
    abstract: "Developer tools for CarbonTrack Lambda: invoke, serve, tables, selftest, seed, routes, token.",
    subcommands: [
      InvokeCommand.self, ServeCommand.self, TablesCommand.self, SelfTestCommand.self, SeedCommand.self,
      RoutesCommand.self, TokenCommand.self,
    ]
  )
}
