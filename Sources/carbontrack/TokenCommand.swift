import ArgumentParser
import LocalLambdaServer

/// `carbontrack token --sub u1`: an unsigned JWT for `carbontrack serve --http`, which decodes tokens without
/// verifying them (unless started with --jwks).
struct TokenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: "Print an unsigned JWT for a test user, for carbontrack serve --http.",
    discussion: """
      curl -H "Authorization: Bearer $(carbontrack token --sub u1)" localhost:8080/users/u1/entries
      The token is unsigned (alg none): serve --http accepts it only when started without --jwks.
      """)

  @Option(help: "The user id (the JWT sub claim).") var sub: String
  @Option(help: "Lifetime in seconds.") var expiresIn = 3600

  func validate() throws {
    guard expiresIn > 0, expiresIn <= 366 * 86_400 else { throw ValidationError("--expires-in: 1 to 31622400") }
  }

  func run() {
    print(LocalHTTPFront.unsignedToken(subject: sub, lifetime: .seconds(expiresIn)))
  }
}
