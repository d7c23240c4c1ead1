import SharedSupport

/// The ten self-test steps.
enum SelfTestSteps {
  struct Context {
    let store: CarbonTrackStore
    let userId: String
    let now: Timestamp
    let state: SelfTestState
  }

  struct Step: Sendable {
    let name: String
    let body: @Sendable (Context) async throws -> Void
  }

  static let email = "selftest@example.com"
  static let amounts: [(EntryCategory, String, Double, String, Double, Int64)] = [
    (.transport, "Car commute", 42, "km", 12.5, 48),
    (.food, "Beef burger", 1, "meal", 3.2, 24),
    (.energy, "Home electricity", 20, "kWh", 7.8, 0),
  ]

  static let all: [Step] = [
    Step(name: "Create user profile") { context in
      let profile = try CreateUserRequest(email: email, displayName: "Self-Test User").validated(
        userId: context.userId, now: context.now)
      _ = try await context.store.createUser(profile)
    },
    Step(name: "Read user profile") { context in
      let user = try await context.store.getUser(context.userId)
      try expect(user.email == email && user.version == 1, "profile read back as \(user.email) v\(user.version)")
    },
    Step(name: "Create carbon entries") { context in
      for (category, activity, quantity, unit, kg, hoursAgo) in amounts {
        let request = CreateEntryRequest(
          category: category.rawValue, activity: activity, quantity: quantity, unit: unit, kgCO2e: kg,
          occurredAt: context.now.adding(milliseconds: -hoursAgo * 3_600_000).iso8601)
        let entry = try request.validated(userId: context.userId, now: context.now)
        await context.state.record(try await context.store.addEntry(entry, now: context.now))
      }
      let keys = await context.state.timestamps
      try expect(Set(keys).count == amounts.count, "entry keys are not unique")
    },
    Step(name: "Query entries newest-first and by date range") { context in
      let entries = try await context.store.latestEntries(context.userId, limit: 10, consistent: true)
      let expected = await context.state.timestamps.sorted(by: >)
      try expect(
        entries.count == amounts.count && entries.map(\.timestamp) == expected,
        "got \(entries.count) entries, expected \(amounts.count) newest first")
      let range = EntryRange(from: context.now.adding(milliseconds: -30 * 3_600_000), to: context.now)
      let page = try await context.store.entries(context.userId, in: range, limit: 10, consistent: true)
      try expect(
        page.entries.map(\.activity) == ["Home electricity", "Beef burger"],
        "range returned \(page.entries.map(\.activity))")
    },
    Step(name: "Update an entry's amount and category") { context in
      let timestamp = await context.state.timestamps.first ?? "2000-01-01T00:00:00.000Z#00000000"
      let updated = try await context.store.updateEntry(
        context.userId, timestamp: timestamp, EntryUpdate(category: .food, kgCO2e: 10, expectedVersion: 1),
        now: context.now)
      try expect(updated.version == 2 && updated.category == .food, "entry update not applied")
      let stats = try await context.store.getUser(context.userId).statistics
      try expect(
        stats.entryCount == 3 && stats.totalKgCO2e == 21 && stats.categoryTotals["food"] == 13.2
          && stats.categoryTotals["transport"] == 0,
        "statistics after the update: \(stats.totalKgCO2e) kg, \(stats.categoryTotals)")
    },
    Step(name: "Update profile and read statistics") { context in
      let updated = try await context.store.updateUser(
        context.userId, UserUpdate(displayName: "Self-Test User (updated)", expectedVersion: 1), now: context.now)
      try expect(updated.version == 2 && updated.displayName.hasSuffix("(updated)"), "update not applied")
      let stats = try await context.store.getUser(context.userId).statistics
      try expect(
        stats.entryCount == 3 && stats.totalKgCO2e == 21 && stats.categoryTotals["energy"] == 7.8,
        "statistics are \(stats.entryCount) entries, \(stats.totalKgCO2e) kg")
    },
    Step(name: "Create and read goal") { context in
      let today = context.now.day
      let goal = try CreateGoalRequest(
        title: "Stay under 100 kg this week", kind: GoalKind.cap.rawValue, targetKgCO2e: 100,
        periodStart: CivilDay(daysSinceEpoch: today.daysSinceEpoch - 6).iso8601, periodEnd: today.iso8601
      ).validated(userId: context.userId, goalId: "selftest-goal", now: context.now)
      _ = try await context.store.createGoal(goal, now: context.now)
      let read = try await context.store.getGoal(context.userId, goalId: goal.goalId, now: context.now)
      try expect(
        read.progress?.emittedKgCO2e == 21 && read.progress?.state == .onTrack,
        "goal progress is \(String(describing: read.progress))")
    },
    Step(name: "Award and read achievement") { context in
      let awarded = try await context.store.evaluateAchievements(context.userId, now: context.now).awarded ?? []
      try expect(awarded == [AchievementRule.firstEntry.rawValue], "awarded \(awarded)")
      let again = try await context.store.award(.firstEntry, to: context.userId, now: context.now)
      try expect(!again, "first-entry was awarded twice")
      let earned = try await context.store.achievements(context.userId, consistent: true)
      try expect(
        earned.map(\.achievementId) == [AchievementRule.firstEntry.rawValue], "read \(earned.count) achievements")
    },
    Step(name: "Delete entry and confirm it is gone") { context in
      let timestamp = await context.state.timestamps.first ?? "2000-01-01T00:00:00.000Z#00000000"
      try await context.store.deleteEntry(context.userId, timestamp: timestamp)
      do {
        _ = try await context.store.getEntry(context.userId, timestamp: timestamp)
        throw SelfTestError.assertion("entry \(timestamp) still exists")
      } catch CarbonTrackError.notFound {}
      let stats = try await context.store.getUser(context.userId).statistics
      try expect(
        stats.entryCount == 2 && stats.totalKgCO2e == 11, "statistics after delete: \(stats.entryCount) entries")
    },
    Step(name: "Delete all test data and confirm nothing remains") { context in
      _ = try await context.store.deleteAllData(context.userId)
      let counts = try await context.store.itemCounts(context.userId)
      await context.state.recordRemaining(counts)
      try expect(counts.values.allSatisfy { $0 == 0 }, "items remain: \(counts.filter { $0.value > 0 })")
    },
  ]

  static func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw SelfTestError.assertion(message()) }
  }
}
