import CarbonTrackTestSupport
import DynamoDB
import DynamoDBTestSupport
import Testing

@testable import CarbonTrack

/// Erasure in bounded batches: it survives running out of time half-way (a repeat finishes it), it leaves nothing
/// behind when entries and awards race it, and a user created again afterwards starts empty.
@Suite(.enabled(if: TestEnvironment.integrationEnabled), .timeLimit(.minutes(3)))
struct DeleteAllDataTests {
  @Test func aDeletionThatFailsHalfWayIsFinishedByARepeat() async throws {
    try await withStore("resume") { store, environment in
      _ = try await makeUser(store, "r")
      for index in 0..<250 {
        _ = try await store.addEntry(
          try makeEntry("r", .goods, 1, at: "2026-01-\(10 + index % 9)T10:00:00Z"), now: testNow)
      }
      let upstream = try #require(environment["DYNAMODB_ENDPOINT"])
      // The first page of deletes goes through; every later one fails until the client gives up.
      try await FaultProxy.run(
        upstream: upstream,
        planByAttempt: { $0.target.hasSuffix("BatchWriteItem") && $0.indexOfTarget >= 4 ? .internalError : nil }
      ) { proxy in
        var failing = environment
        failing["DYNAMODB_ENDPOINT"] = proxy.endpoint
        let client = DynamoDBClient(environment: failing)
        let interrupted = CarbonTrackStore(client: client, tables: store.tables)
        await #expect(throws: DynamoDBError.self) { _ = try await interrupted.deleteAllData("r") }
        try await client.shutdown()
      }
      let halfWay = try await store.itemCounts("r")[store.tables.entries] ?? 0
      #expect(halfWay > 0 && halfWay < 251, "the sweep stopped part-way: \(halfWay) items left")
      await #expect(throws: CarbonTrackError.notFound("User r is being deleted; send DELETE again to finish.")) {
        _ = try await store.getUser("r")
      }
      await #expect(throws: CarbonTrackError.conflict("User r is being deleted; send DELETE again to finish.")) {
        _ = try await makeUser(store, "r")
      }
      await #expect(throws: CarbonTrackError.self) {
        _ = try await store.addEntry(try makeEntry("r", .goods, 1, at: "2026-01-20T10:00:00Z"))
      }

      let summary = try await store.deleteAllData("r")
      #expect(summary.userDeleted && summary.deletedAnything)
      #expect(try await store.itemCounts("r").values.allSatisfy { $0 == 0 })

      _ = try await makeUser(store, "r")
      #expect(try await store.getUser("r").statistics == UserStatistics())
      #expect(try await store.entries("r", limit: 10).entries.isEmpty)
      #expect(try await store.analytics("r", in: .all, groupBy: .day).entryCount == 0)
    }
  }

  @Test func entriesAndAwardsRacingADeletionLeaveNothingBehind() async throws {
    try await withStore("race") { store, _ in
      for round in 0..<3 {
        let userId = "race\(round)"
        _ = try await makeUser(store, userId)
        for index in 0..<30 {
          _ = try await store.addEntry(try makeEntry(userId, .food, 1, at: "2026-01-0\(1 + index % 9)T10:00:00Z"))
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask { _ = try await store.deleteAllData(userId) }
          group.addTask {
            for index in 0..<20 {
              _ = try? await store.addEntry(try makeEntry(userId, .food, 1, at: "2026-02-0\(1 + index % 9)T10:00:00Z"))
            }
          }
          group.addTask {
            for rule in AchievementRule.allCases { _ = try? await store.award(rule, to: userId) }
          }
          try await group.waitForAll()
        }
        let left = try await store.itemCounts(userId).filter { $0.value > 0 }
        #expect(left.isEmpty, "round \(round): \(left)")
      }
    }
  }
}
