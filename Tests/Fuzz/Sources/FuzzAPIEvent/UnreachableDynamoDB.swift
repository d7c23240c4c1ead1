import DynamoDB
import Logging
import SigV4

/// Credentials that are never there, so that a `DynamoDBClient` using them fails every operation after encoding
/// the request and before opening a connection: the handlers run up to their first DynamoDB call and no further.
struct UnreachableDynamoDB: CredentialProvider {
  /// Found in the description of every error this causes, so a 5xx it caused can be told from any other.
  static let marker = "fuzzing: DynamoDB is out of reach"

  struct Reached: Error, CustomStringConvertible {
    var description: String { UnreachableDynamoDB.marker }
  }

  func credentials() async throws -> Credentials {
    throw Reached()
  }

  /// A client on a loopback address it never connects to.
  static func client() -> DynamoDBClient {
    DynamoDBClient(
      region: "us-east-1", credentials: UnreachableDynamoDB(), endpoint: "http://127.0.0.1:9",
      logger: Logger(label: "fuzz-dynamodb") { _ in SwiftLogNoOpLogHandler() }, environment: [:])
  }
}
