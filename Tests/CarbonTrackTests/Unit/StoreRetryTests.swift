import CarbonTrackTestSupport
import DynamoDB
import Testing

@testable import CarbonTrack

/// The store's retry and conflict handling against scripted DynamoDB answers: whatever DynamoDB says, a write is
/// committed once and refused writes get the right reason. (The tests against moto cover the wire.)
@Suite("CarbonTrackStore: retries and refusals with scripted answers")
struct StoreRetryTests {
  private let tables = TableNames(prefix: "scripted-")

  private func entry() throws -> CarbonEntry {
    try makeEntry("u1", .transport, 2.5, at: "2026-01-20T10:00:00Z")
  }

  @Test func aRepeatedAttemptThatFindsItsOwnTokenCountsAsTheFirstCommit() async throws {
    // The client retried a transaction whose answer was lost: the entry exists, so the retry's put is refused,
    // but the user item carries the token of this very write.
    let database = ScriptedDatabase(
      transact: { _, _ in throw ScriptedDatabase.cancelled([.conditionalCheckFailed, .noFailure, .noFailure]) },
      read: { input, transactions in
        guard input.tableName == "scripted-users", let token = transactions.last?.clientRequestToken else { return nil }
        return ["userId": .s("u1"), "lastWriteToken": .s(token)]
      })
    let stored = try await CarbonTrackStore(client: database, tables: tables).addEntry(try entry())
    #expect(database.transactions.count == 1, "committed once, not written again")
    #expect(stored.timestamp == database.transactions[0].transactItems[0].item?["timestamp"]?.stringValue)
  }

  @Test func aSortKeyTakenByAnotherEntryIsRetriedWithAFreshKeyAndToken() async throws {
    let database = ScriptedDatabase(transact: { _, earlier in
      if earlier == 0 { throw ScriptedDatabase.cancelled([.conditionalCheckFailed, .noFailure, .noFailure]) }
    })
    let stored = try await CarbonTrackStore(client: database, tables: tables).addEntry(try entry())
    let sent = database.transactions
    try #require(sent.count == 2)
    let keys = sent.map { $0.transactItems[0].item?["timestamp"]?.stringValue }
    #expect(keys[0] != keys[1])
    #expect(stored.timestamp == keys[1])
    #expect(sent[0].clientRequestToken != sent[1].clientRequestToken)
    // Before retrying, the store looked for its token on the user item and on the entry it put.
    #expect(database.reads.map(\.tableName) == ["scripted-users", "scripted-entries"])
  }

  @Test func aTransactionConflictIsRetriedUntilItGoesThrough() async throws {
    let database = ScriptedDatabase(transact: { _, earlier in
      if earlier < 2 { throw ScriptedDatabase.cancelled([.noFailure, .transactionConflict, .noFailure]) }
    })
    _ = try await CarbonTrackStore(client: database, tables: tables).addEntry(try entry())
    let tokens = database.transactions.map(\.clientRequestToken)
    #expect(tokens.count == 3)
    #expect(Set(tokens).count == 3, "each attempt is a new transaction with its own token")
    #expect(database.reads.isEmpty, "a conflict is no refusal: nothing to look up")
  }

  @Test func aWriteThatNeverStopsConflictingGivesUpAfterTheLastAttemptAsAConflict() async throws {
    let database = ScriptedDatabase(transact: { _, _ in
      throw ScriptedDatabase.cancelled([.noFailure, .transactionConflict, .noFailure])
    })
    var store = CarbonTrackStore(client: database, tables: tables)
    store.backoff = { _ in }
    await #expect {
      _ = try await store.addEntry(try entry())
    } throws: { error in
      // The handlers answer it 409: the caller may retry.
      guard case .conflict = CarbonTrackError(error) else { return false }
      return true
    }
    #expect(database.transactions.count == CarbonTrackStore.maxOptimisticAttempts)
  }

  @Test func aRefusedStatisticsUpdateOfAMissingUserIsNotFound() async throws {
    let database = ScriptedDatabase(transact: { _, _ in
      throw ScriptedDatabase.cancelled([.noFailure, .conditionalCheckFailed, .noFailure])
    })
    await #expect {
      _ = try await CarbonTrackStore(client: database, tables: tables).addEntry(try entry())
    } throws: { error in
      guard case .notFound = error as? CarbonTrackError else { return false }
      return true
    }
    #expect(database.transactions.count == 1)
  }

  @Test func aRefusedIdempotencyRecordIsReportedAsTakenNotAsTheWritesFailure() async throws {
    let database = ScriptedDatabase(transact: { _, _ in
      throw ScriptedDatabase.cancelled([.noFailure, .conditionalCheckFailed])
    })
    let store = CarbonTrackStore(client: database, tables: tables)
    let receipt = WriteReceipt { _ in
      .put(tableName: "scripted-entries", item: ["userId": .s("u1"), "timestamp": .s("IDEMPOTENCY#k")])
    }
    let put = TransactWriteItem.put(tableName: "scripted-goals", item: ["userId": .s("u1"), "goalId": .s("g1")])
    await #expect(throws: WriteRefusal.receiptTaken) {
      try await store.commit([put], token: "t1", userId: "u1", receipt: receipt, result: "answer")
    }
  }
}
