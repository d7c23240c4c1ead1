import CarbonTrackTestSupport
import Testing

@testable import CarbonTrack

@Suite(.enabled(if: TestEnvironment.integrationEnabled)) struct EntryStoreTests {
  @Test func addingEntriesUpdatesStatisticsAtomically() async throws {
    try await withStore("entries") { store, _ in
      _ = try await makeUser(store, "u1")
      let first = try await store.addEntry(
        try makeEntry("u1", .transport, 12.5, at: "2026-01-10T08:00:00Z"), now: testNow)
      _ = try await store.addEntry(try makeEntry("u1", .food, 0.1, at: "2026-01-11T08:00:00Z"))
      _ = try await store.addEntry(try makeEntry("u1", .food, 0.2, at: "2026-01-12T08:00:00Z"))
      let stats = try await store.getUser("u1").statistics
      #expect(stats.entryCount == 3)
      #expect(stats.totalKgCO2e == 12.8)
      #expect(stats.categoryTotals == ["transport": 12.5, "food": 0.3])
      #expect(stats.lastEntryAt != nil)
      #expect(try await store.getEntry("u1", timestamp: first.timestamp) == first)
    }
  }

  @Test func updateMovesAmountsBetweenCategoriesAndDeleteSubtracts() async throws {
    try await withStore("entryupd") { store, _ in
      _ = try await makeUser(store, "u1")
      let entry = try await store.addEntry(try makeEntry("u1", .transport, 10, at: "2026-01-10T08:00:00Z"))
      let updated = try await store.updateEntry(
        "u1", timestamp: entry.timestamp, EntryUpdate(category: .energy, kgCO2e: 4, expectedVersion: 1), now: testNow)
      #expect(updated.version == 2)
      #expect(try await store.getEntry("u1", timestamp: entry.timestamp) == updated)
      var stats = try await store.getUser("u1").statistics
      #expect(stats.totalKgCO2e == 4)
      #expect(stats.entryCount == 1)
      #expect(stats.categoryTotals == ["transport": 0, "energy": 4])

      await #expect(throws: CarbonTrackError.self) {
        try await store.updateEntry("u1", timestamp: entry.timestamp, EntryUpdate(kgCO2e: 1, expectedVersion: 1))
      }
      try await store.deleteEntry("u1", timestamp: entry.timestamp)
      stats = try await store.getUser("u1").statistics
      #expect(stats.totalKgCO2e == 0)
      #expect(stats.entryCount == 0)
      await #expect(throws: CarbonTrackError.self) { try await store.getEntry("u1", timestamp: entry.timestamp) }
      await #expect(throws: CarbonTrackError.self) { try await store.deleteEntry("u1", timestamp: entry.timestamp) }
    }
  }

  @Test func latestIsNewestFirstAndCursorPagesThroughEverything() async throws {
    try await withStore("paging") { store, _ in
      _ = try await makeUser(store, "u1")
      var stored: [String] = []
      for day in 1...9 {
        stored.append(
          try await store.addEntry(try makeEntry("u1", .other, 1, at: "2026-01-0\(day)T12:00:00Z")).timestamp)
      }
      // Two entries in the same millisecond get distinct keys.
      stored.append(try await store.addEntry(try makeEntry("u1", .other, 1, at: "2026-01-09T12:00:00Z")).timestamp)
      #expect(Set(stored).count == 10)

      let latest = try await store.latestEntries("u1", limit: 3, consistent: true)
      #expect(latest.map(\.timestamp) == Array(stored.sorted(by: >).prefix(3)))

      var seen: [String] = []
      var cursor: String?
      repeat {
        let page = try await store.entries("u1", limit: 4, after: cursor, consistent: true)
        seen += page.entries.map(\.timestamp)
        cursor = try page.nextCursor.map {
          try PageCursor.decode($0, userId: "u1", isValid: { EntrySortKey($0) != nil })
        }
      } while cursor != nil
      #expect(seen == stored.sorted(by: >))
    }
  }

  @Test func dateRangeIsInclusiveAtBothEnds() async throws {
    try await withStore("range") { store, _ in
      _ = try await makeUser(store, "u1")
      for time in [
        "2026-01-09T23:59:59.999Z", "2026-01-10T00:00:00.000Z", "2026-01-15T12:00:00Z", "2026-01-20T23:59:59.999Z",
        "2026-01-21T00:00:00.000Z",
      ] {
        _ = try await store.addEntry(try makeEntry("u1", .waste, 1, at: time))
      }
      let range = EntryRange(
        from: Timestamp(iso8601: "2026-01-10")!, to: Timestamp(endOf: Timestamp(iso8601: "2026-01-20")!.day))
      let page = try await store.entries("u1", in: range, limit: 100, consistent: true)
      #expect(
        page.entries.map(\.occurredAt.iso8601) == [
          "2026-01-20T23:59:59.999Z", "2026-01-15T12:00:00.000Z", "2026-01-10T00:00:00.000Z",
        ])
    }
  }

  @Test func analyticsTotalsByCategoryDayWeekAndMonth() async throws {
    try await withStore("analytics") { store, _ in
      _ = try await makeUser(store, "u1")
      let data: [(EntryCategory, Double, String)] = [
        (.transport, 1.1, "2025-12-31T10:00:00Z"), (.food, 2.2, "2026-01-04T10:00:00Z"),
        (.food, 3.3, "2026-01-05T10:00:00Z"), (.energy, 0.4, "2026-01-05T11:00:00Z"),
      ]
      for (category, kg, time) in data { _ = try await store.addEntry(try makeEntry("u1", category, kg, at: time)) }
      let range = EntryRange(from: Timestamp(iso8601: "2025-12-01")!, to: Timestamp(iso8601: "2026-01-31")!)
      func groups(_ grouping: AnalyticsGrouping) async throws -> [String: Double] {
        let report = try await store.analytics("u1", in: range, groupBy: grouping)
        #expect(report.totalKgCO2e == 7)
        #expect(report.entryCount == 4)
        return Dictionary(uniqueKeysWithValues: report.groups.map { ($0.key, $0.kgCO2e) })
      }
      #expect(try await groups(.category) == ["transport": 1.1, "food": 5.5, "energy": 0.4])
      #expect(try await groups(.day) == ["2025-12-31": 1.1, "2026-01-04": 2.2, "2026-01-05": 3.7])
      #expect(try await groups(.week) == ["2026-W01": 3.3, "2026-W02": 3.7])
      #expect(try await groups(.month) == ["2025-12": 1.1, "2026-01": 5.9])
    }
  }

  @Test func fiftyConcurrentEntriesKeepStatisticsExact() async throws {
    try await withStore("concurrent") { store, _ in
      _ = try await makeUser(store, "busy")
      let categories = EntryCategory.allCases
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 0..<50 {
          group.addTask {
            let entry = try makeEntry(
              "busy", categories[index % categories.count], 0.5 + Double(index) * 0.01, at: "2026-01-15T10:00:00.000Z")
            _ = try await store.addEntry(entry)
          }
        }
        try await group.waitForAll()
      }
      let stats = try await store.getUser("busy").statistics
      let expectedMicro = Kilograms.sum((0..<50).map { Kilograms.micro(0.5 + Double($0) * 0.01) })
      #expect(stats.entryCount == 50)
      #expect(stats.totalKgCO2e == Kilograms.kilograms(micro: expectedMicro))
      #expect(Kilograms.sum(stats.categoryTotals.values.map(Kilograms.micro)) == expectedMicro)
      let all = try await store.entries("busy", limit: 100, consistent: true).entries
      #expect(all.count == 50)
      #expect(Set(all.map(\.timestamp)).count == 50)
    }
  }
}
