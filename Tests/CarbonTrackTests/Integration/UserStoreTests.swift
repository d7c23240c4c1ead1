import CarbonTrackTestSupport
import Testing

@testable import CarbonTrack

@Suite(.enabled(if: TestEnvironment.integrationEnabled)) struct UserStoreTests {
  @Test func createReadUpdateWithConflicts() async throws {
    try await withStore("users") { store, _ in
      let created = try await makeUser(store, "u1")
      #expect(try await store.getUser("u1") == created)
      await #expect(throws: CarbonTrackError.conflict("User u1 already exists.")) {
        try await makeUser(store, "u1")
      }

      let updated = try await store.updateUser(
        "u1", UserUpdate(displayName: "New Name", units: .imperial, expectedVersion: 1), now: testNow)
      #expect(updated.displayName == "New Name")
      #expect(updated.units == .imperial)
      #expect(updated.version == 2)
      #expect(updated.email == created.email)
      #expect(try await store.getUser("u1") == updated)

      await #expect(throws: CarbonTrackError.self) {
        try await store.updateUser("u1", UserUpdate(displayName: "Stale", expectedVersion: 1))
      }
      do {
        _ = try await store.updateUser("u1", UserUpdate(displayName: "Stale", expectedVersion: 1))
      } catch let error as CarbonTrackError {
        #expect(error.statusCode == 409)
      }
      #expect(try await store.getUser("u1").displayName == "New Name")
    }
  }

  @Test func missingUserIsNotFound() async throws {
    try await withStore("users404") { store, _ in
      await #expect(throws: CarbonTrackError.notFound("User ghost does not exist.")) {
        try await store.getUser("ghost")
      }
      await #expect(throws: CarbonTrackError.notFound("User ghost does not exist.")) {
        try await store.updateUser("ghost", UserUpdate(displayName: "x"))
      }
      await #expect(throws: CarbonTrackError.notFound("User ghost does not exist.")) {
        try await store.addEntry(try makeEntry("ghost", .food, 1, at: "2026-01-01"))
      }
      // A failed entry write must not create a statistics-only user item.
      let leftBehind = try await allItems(store)
      #expect(leftBehind == [])
    }
  }

  @Test func deleteAllDataRemovesEveryItemInAllTables() async throws {
    try await withStore("gdpr") { store, _ in
      _ = try await makeUser(store, "gone")
      _ = try await makeUser(store, "kept")
      for index in 0..<30 {
        _ = try await store.addEntry(try makeEntry("gone", .goods, 1, at: "2026-01-\(10 + index % 9)T10:00:00Z"))
      }
      _ = try await store.addEntry(try makeEntry("kept", .goods, 1, at: "2026-01-10"))
      let goal = try CreateGoalRequest(
        title: "g", kind: "cap", targetKgCO2e: 5, periodStart: "2026-01-01", periodEnd: "2026-01-31"
      ).validated(userId: "gone", goalId: "g1", now: testNow)
      _ = try await store.createGoal(goal, now: testNow)
      try await store.award(.firstEntry, to: "gone")

      let summary = try await store.deleteAllData("gone")
      #expect(
        summary
          == DeletionSummary(
            userId: "gone", userDeleted: true, entriesDeleted: 30, goalsDeleted: 1, achievementsDeleted: 1))
      #expect(try await store.itemCounts("gone").values.allSatisfy { $0 == 0 })
      let remaining = try await allItems(store)
      #expect(remaining.count == 3, "kept's user item, entry and month totals")
      #expect(remaining.allSatisfy { $0["userId"] == .s("kept") })
      #expect(try await store.deleteAllData("gone").deletedAnything == false)
    }
  }

  @Test func tablesCanBeDescribedCreatedTwiceAndDeleted() async throws {
    try await withStore("tables") { store, _ in
      #expect(try await store.createTables() == [])
      let described = try await store.describeTables()
      #expect(described.map(\.name) == store.tables.all)
      #expect(described.allSatisfy { $0.status == "ACTIVE" })
      #expect(try await store.deleteTables() == store.tables.all)
      #expect(try await store.describeTables().allSatisfy { $0.status == "MISSING" })
      try await store.createTables()
    }
  }
}
