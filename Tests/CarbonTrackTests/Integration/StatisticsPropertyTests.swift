import CarbonTrackTestSupport
import DynamoDBTestSupport
import Foundation
import SharedSupport
import Testing

@testable import CarbonTrack
@testable import DynamoDB

/// Any sequence of valid entry writes, with amounts up to the per-entry cap, keeps the user's statistics exactly the
/// sum of the entries (to the microgram) and every read of them, goals and analytics included, works.
@Suite(.enabled(if: TestEnvironment.integrationEnabled), .timeLimit(.minutes(3)))
struct StatisticsPropertyTests {
  @Test(arguments: [UInt64(1), 2, 3])
  func randomWritesKeepStatisticsExact(seed: UInt64) async throws {
    var random = SeededGenerator(seed: seed)
    try await withStore("property") { store, _ in
      let userId = "p\(seed)"
      _ = try await makeUser(store, userId)
      _ = try await store.createGoal(
        Goal(
          userId: userId, goalId: "g", title: "All", kind: .cap, targetKgCO2e: Kilograms.maximum, baselineKgCO2e: nil,
          periodStart: CivilDay(year: 2000, month: 1, day: 1)!, periodEnd: CivilDay(year: 2099, month: 12, day: 31)!,
          createdAt: testNow))
      var expected: [String: (category: EntryCategory, micro: Int64)] = [:]
      for step in 0..<40 {
        let kg = Self.amount(using: &random)
        let category = EntryCategory.allCases.randomElement(using: &random)!
        let keys = expected.keys.sorted()
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<6,
          _ where keys.isEmpty:
          let day = Int64.random(in: 0..<3_650, using: &random)
          let time = Timestamp(startOf: CivilDay(daysSinceEpoch: 10_957 + day)).adding(milliseconds: Int64(step))
          let entry = try makeEntry(userId, category, kg, at: time.iso8601)
          let stored = try await store.addEntry(entry, now: testNow)
          expected[stored.timestamp] = (category, Kilograms.micro(stored.kgCO2e))
        case 6..<8:
          let key = keys.randomElement(using: &random)!
          let updated = try await store.updateEntry(
            userId, timestamp: key, EntryUpdate(category: category, kgCO2e: kg), now: testNow)
          expected[key] = (updated.category, Kilograms.micro(updated.kgCO2e))
        default:
          let key = keys.randomElement(using: &random)!
          try await store.deleteEntry(userId, timestamp: key)
          expected[key] = nil
        }
      }
      // Exact where it is stored: DynamoDB's decimals, compared in canonical form (the API's JSON numbers are Doubles).
      let item = try #require(
        try await store.client.getItem(GetItemInput(tableName: store.tables.users, key: ["userId": .s(userId)])).item)
      func stored(_ attribute: String) -> String? { item[attribute]?.numberValue.flatMap(DynamoDBNumber.canonicalText) }
      func exact(_ micro: Int128) -> String? { DynamoDBNumber.canonicalText(Kilograms.decimalString(micro: micro)) }
      let total = Kilograms.sum(expected.values.map(\.micro))
      #expect(stored("entryCount") == DynamoDBNumber.canonicalText(String(expected.count)), "seed \(seed)")
      #expect(stored("totalKgCO2e") == exact(total), "seed \(seed)")
      for category in EntryCategory.allCases {
        let categoryTotal = Kilograms.sum(expected.values.filter { $0.category == category }.map(\.micro))
        #expect(
          (stored(UserRecord.categoryAttribute(category)) ?? exact(0)) == exact(categoryTotal),
          "seed \(seed), \(category)")
      }
      let statistics = try await store.getUser(userId).statistics
      #expect(statistics.entryCount == expected.count, "seed \(seed)")
      let analytics = try await store.analytics(userId, in: .all, groupBy: .category)
      #expect(analytics.totalKgCO2e == Kilograms.kilograms(micro: total), "seed \(seed)")
      #expect(analytics.entryCount == expected.count)
      let goal = try await store.getGoal(userId, goalId: "g")
      #expect(goal.progress?.emittedKgCO2e == Kilograms.kilograms(micro: total), "seed \(seed)")
      _ = try await store.evaluateAchievements(userId)
    }
  }

  /// An amount with up to six decimals, sometimes the largest an entry may hold.
  private static func amount(using random: inout SeededGenerator) -> Double {
    switch Int.random(in: 0..<4, using: &random) {
    case 0: return Kilograms.maximum
    case 1: return Double(Int64.random(in: 0...1_000_000, using: &random)) / 1_000_000
    default: return Kilograms.rounded(Double.random(in: 0...Kilograms.maximum, using: &random))
    }
  }
}

/// A bulk import (seeding) leaves exactly the state that adding the same entries one by one leaves.
@Suite(.enabled(if: TestEnvironment.integrationEnabled), .timeLimit(.minutes(2)))
struct ImportEntriesTests {
  @Test func importingEqualsAddingOneByOne() async throws {
    var random = SeededGenerator(seed: 42)
    try await withStore("import") { store, _ in
      _ = try await makeUser(store, "bulk")
      _ = try await makeUser(store, "single")
      var bulk: [CarbonEntry] = []
      for index in 0..<120 {
        let day = Int64.random(in: 0..<400, using: &random)
        let time = Timestamp(startOf: CivilDay(daysSinceEpoch: 20_000 + day)).adding(milliseconds: Int64(index))
        let category = EntryCategory.allCases.randomElement(using: &random)!
        let kg = Double(Int64.random(in: 0...5_000_000, using: &random)) / 1_000
        let entry = try makeEntry("bulk", category, kg, at: time.iso8601)
        bulk.append(entry)
        var single = entry
        single.userId = "single"
        _ = try await store.addEntry(single, now: testNow)
      }
      try await store.importEntries(bulk, userId: "bulk", now: testNow)
      var bulkStatistics = try await store.getUser("bulk").statistics
      bulkStatistics.lastEntryAt = nil
      var singleStatistics = try await store.getUser("single").statistics
      singleStatistics.lastEntryAt = nil
      #expect(bulkStatistics == singleStatistics)
      for grouping in AnalyticsGrouping.allCases {
        let imported = try await store.analytics("bulk", in: .all, groupBy: grouping)
        let added = try await store.analytics("single", in: .all, groupBy: grouping)
        #expect(imported == added, "\(grouping)")
      }
    }
  }
}
