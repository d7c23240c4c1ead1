import DynamoDB
import Foundation
import SigV4
import Testing

/// Where the moto server is (DYNAMODB_ENDPOINT, set by scripts/test.sh). Integration suites are skipped locally
/// without it, but run (and fail at `requireEndpoint()`) under CI=true.
enum TestServer {
  static let environment = ProcessInfo.processInfo.environment
  static let endpoint = environment["DYNAMODB_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
  static let isCI = environment["CI"] == "true"
  static let isAvailable = endpoint != nil || isCI
  static let testCredentials = Credentials(accessKeyId: "testing", secretAccessKey: "testing")

  static func requireEndpoint() throws -> String {
    try #require(endpoint, "DYNAMODB_ENDPOINT must point at a moto server when CI=true")
  }

  /// A client for the test server (or `endpoint`), with static test credentials.
  static func makeClient(endpoint: String? = nil, retryPolicy: RetryPolicy = .standard) throws -> DynamoDBClient {
    DynamoDBClient(
      region: "us-east-1", credentials: StaticCredentialProvider(testCredentials),
      endpoint: try endpoint ?? requireEndpoint(), retryPolicy: retryPolicy)
  }

  /// Runs `body` with a fresh client and always shuts it down, closing its connections.
  static func withClient<T>(
    endpoint: String? = nil, retryPolicy: RetryPolicy = .standard, _ body: (DynamoDBClient) async throws -> T
  ) async throws -> T {
    let client = try makeClient(endpoint: endpoint, retryPolicy: retryPolicy)
    do {
      let result = try await body(client)
      try await client.shutdown()
      return result
    } catch {
      try? await client.shutdown()
      throw error
    }
  }

  /// A table name no other test (or earlier run) uses.
  static func uniqueTableName(_ purpose: String) -> String {
    "ddbtest-\(purpose)-\(UUID().uuidString.prefix(8).lowercased())"
  }

  /// Creates a `pk` (S) + `sk` (N) table with a `gsi` on `gpk` (S), runs `body`, then deletes the table.
  static func withTable(
    _ purpose: String, client: DynamoDBClient? = nil,
    _ body: (DynamoDBClient, String) async throws -> Void
  ) async throws {
    let client = try client ?? makeClient()
    let name = uniqueTableName(purpose)
    _ = try await client.createTable(
      CreateTableInput(
        tableName: name, keySchema: [.hash("pk"), .range("sk")],
        attributeDefinitions: [
          AttributeDefinition(attributeName: "pk", attributeType: .s),
          AttributeDefinition(attributeName: "sk", attributeType: .n),
          AttributeDefinition(attributeName: "gpk", attributeType: .s),
        ],
        globalSecondaryIndexes: [SecondaryIndex(indexName: "gsi", keySchema: [.hash("gpk"), .range("sk")])]))
    do {
      try await client.waitUntilTableActive(name, timeout: .seconds(30))
      try await body(client, name)
    } catch {
      _ = try? await client.deleteTable(DeleteTableInput(tableName: name))
      try? await client.shutdown()
      throw error
    }
    _ = try await client.deleteTable(DeleteTableInput(tableName: name))
    try await client.shutdown()
  }
}
