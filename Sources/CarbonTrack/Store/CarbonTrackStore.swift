import DynamoDB

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The CarbonTrack service layer: every read and write of users, entries, goals and achievements.
///
/// The store trusts its inputs (handlers validate them first), so that the self-test can feed DynamoDB a
/// deliberately invalid key. Domain failures are thrown as `CarbonTrackError`; DynamoDB failures as `DynamoDBError`
/// (see `CarbonTrackError.init(_:)` for how handlers map them). Reads are strongly consistent by default: callers
/// typically read right after writing (an entry, then its goal's progress), and a user's data is small.
package struct CarbonTrackStore: Sendable {
  /// The shared DynamoDB client (a scripted `StoreDatabase` in unit tests).
  package let client: any StoreDatabase
  package let tables: TableNames

  let encoder = DynamoDBEncoder()
  let decoder = DynamoDBDecoder()

  /// How often a transaction that lost a race (`TransactionConflict`, a changed version) is retried.
  static let maxOptimisticAttempts = 15

  /// The pause before retrying a transaction that lost a race; a test that scripts the race needs none.
  var backoff: @Sendable (_ attempt: Int) async throws -> Void = CarbonTrackStore.jitteredPause(attempt:)

  package init(client: any StoreDatabase, tables: TableNames) {
    self.client = client
    self.tables = tables
  }

  func userKey(_ userId: String) -> Item { ["userId": .s(userId)] }

  func entryKey(_ userId: String, _ timestamp: String) -> Item { ["userId": .s(userId), "timestamp": .s(timestamp)] }

  func goalKey(_ userId: String, _ goalId: String) -> Item { ["userId": .s(userId), "goalId": .s(goalId)] }

  /// Puts `item` only if no item has its key; returns false (writing nothing) if one does.
  func putNew(_ item: Item, into table: String) async throws -> Bool {
    do {
      _ = try await client.putItem(
        PutItemInput(tableName: table, item: item, conditionExpression: "attribute_not_exists(userId)"))
      return true
    } catch let error as DynamoDBError where error.isConditionalCheckFailed {
      return false
    }
  }

  /// A short, jittered sleep that doubles with each attempt, up to 1 s.
  static func jitteredPause(attempt: Int) async throws {
    let cap = min(1000, 10 << min(attempt, 6))
    try await Task.sleep(for: .milliseconds(Int.random(in: 1...cap)))
  }
}

extension DynamoDBError {
  /// Whether the failure was a race with another writer that is worth retrying: a transaction in the way of a
  /// plain write, a transaction cancelled by another, or one still in progress under the same token.
  var isTransactionConflict: Bool {
    code == .transactionConflict || code == .transactionInProgress || cancellationCodes.contains(.transactionConflict)
  }
}
