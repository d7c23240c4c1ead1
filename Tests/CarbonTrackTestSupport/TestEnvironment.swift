import DynamoDB
import Foundation
import Testing

@testable import CarbonTrack

/// The moto server the integration tests talk to (`DYNAMODB_ENDPOINT`).
///
/// Tests are enabled when the endpoint is set, or when `CI=true`: there a missing endpoint fails the test through
/// `requireEndpoint()` instead of skipping it.
package enum TestEnvironment {
  package static let environment = ProcessInfo.processInfo.environment

  package static var endpoint: String? { environment["DYNAMODB_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 } }

  package static var isCI: Bool { environment["CI"] == "true" }

  /// Whether integration tests should run (and, on CI, fail without a server).
  package static var integrationEnabled: Bool { endpoint != nil || isCI }

  package static func requireEndpoint() throws -> String {
    try #require(endpoint, "DYNAMODB_ENDPOINT must be set (CI=true): start moto_server and export its URL")
  }

  /// The environment handed to the function: the moto endpoint, test credentials and `prefix`.
  package static func functionEnvironment(prefix: String, authMode: String? = nil) throws -> [String: String] {
    var values = [
      "DYNAMODB_ENDPOINT": try requireEndpoint(),
      "AWS_ACCESS_KEY_ID": environment["AWS_ACCESS_KEY_ID"] ?? "testing",
      "AWS_SECRET_ACCESS_KEY": environment["AWS_SECRET_ACCESS_KEY"] ?? "testing",
      "AWS_REGION": environment["AWS_REGION"] ?? "us-east-1",
      "CARBONTRACK_TABLE_PREFIX": prefix,
    ]
    values["AUTH_MODE"] = authMode
    return values
  }

  /// A table prefix no other test uses.
  package static func uniquePrefix(_ label: String) -> String {
    "ct-\(label)-\(UUID().uuidString.prefix(8).lowercased())-"
  }
}

/// Runs `body` with a store on freshly created tables, deleting the tables and closing the client afterwards.
package func withStore<T>(
  _ label: String, authMode: String? = nil, _ body: (CarbonTrackStore, [String: String]) async throws -> T
) async throws -> T {
  let prefix = TestEnvironment.uniquePrefix(label)
  let environment = try TestEnvironment.functionEnvironment(prefix: prefix, authMode: authMode)
  let client = DynamoDBClient(environment: environment)
  let store = CarbonTrackStore(client: client, tables: TableNames(prefix: prefix))
  do {
    try await store.createTables()
    let result = try await body(store, environment)
    try await store.deleteTables()
    try await client.shutdown()
    return result
  } catch {
    _ = try? await store.deleteTables()
    try? await client.shutdown()
    throw error
  }
}

/// Every item in the four tables (scanned), for "nothing left behind" checks.
package func allItems(_ store: CarbonTrackStore) async throws -> [Item] {
  let client = try #require(store.client as? DynamoDBClient, "a store on DynamoDB, not a scripted one")
  var items: [Item] = []
  for table in store.tables.all {
    items += try await client.scanPaginator(ScanInput(tableName: table, consistentRead: true)).items()
  }
  return items
}

package let testNow = Timestamp(iso8601: "2026-01-20T12:00:00Z")!

package func makeUser(_ store: CarbonTrackStore, _ userId: String) async throws -> UserProfile {
  try await store.createUser(
    CreateUserRequest(email: "\(userId)@example.com", displayName: "User \(userId)").validated(
      userId: userId, now: testNow))
}

package func makeEntry(
  _ userId: String, _ category: EntryCategory, _ kg: Double, at time: String, activity: String = "test"
) throws -> CarbonEntry {
  try CreateEntryRequest(
    category: category.rawValue, activity: activity, quantity: 1, unit: "unit", kgCO2e: kg, occurredAt: time
  ).validated(userId: userId, now: .now())
}
