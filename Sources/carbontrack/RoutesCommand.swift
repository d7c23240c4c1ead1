import ArgumentParser
import CarbonTrack

/// `carbontrack routes`: the API's route table, one `METHOD /path` per line, for checking docs/openapi.yaml.
struct RoutesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "routes", abstract: "Print every API route the function answers, one METHOD /path per line.")

  func run() {
    for route in RouteTable.all { print(route) }
  }
}
