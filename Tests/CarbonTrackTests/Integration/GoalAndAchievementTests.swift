import CarbonTrackTestSupport
import Testing

@testable import CarbonTrack

@Suite(.enabled(if: TestEnvironment.integrationEnabled)) struct GoalAndAchievementTests {
  @Test func goalCrudWithProgressFromEntries() async throws {
    try await withStore("goals") { store, _ in
      _ = try await makeUser(store, "u1")
      _ = try await store.addEntry(try makeEntry("u1", .food, 30, at: "2026-01-05T10:00:00Z"))
      _ = try await store.addEntry(try makeEntry("u1", .food, 99, at: "2026-02-05T10:00:00Z"))
      let goal = try CreateGoalRequest(
        title: "January", kind: "reduction", targetKgCO2e: 20, baselineKgCO2e: 100, periodStart: "2026-01-01",
        periodEnd: "2026-01-31"
      ).validated(userId: "u1", goalId: "g1", now: testNow)
      let created = try await store.createGoal(goal, now: testNow)
      #expect(created.progress?.emittedKgCO2e == 30)
      #expect(created.progress?.allowanceKgCO2e == 80)
      #expect(created.progress?.state == .onTrack)

      let later = Timestamp(iso8601: "2026-02-10")!
      #expect(try await store.getGoal("u1", goalId: "g1", now: later).progress?.state == .met)
      let updated = try await store.updateGoal(
        "u1", goalId: "g1", UpdateGoalRequest(targetKgCO2e: 80, expectedVersion: 1), now: later)
      #expect(updated.version == 2)
      #expect(updated.progress?.state == .exceeded)
      await #expect(throws: CarbonTrackError.self) {
        try await store.updateGoal("u1", goalId: "g1", UpdateGoalRequest(title: "x", expectedVersion: 1))
      }
      #expect(try await store.listGoals("u1").goals.map(\.goalId) == ["g1"])
      try await store.deleteGoal("u1", goalId: "g1")
      await #expect(throws: CarbonTrackError.notFound("Goal g1 of user u1 does not exist.")) {
        try await store.getGoal("u1", goalId: "g1")
      }
      await #expect(throws: CarbonTrackError.notFound("Goal g1 of user u1 does not exist.")) {
        try await store.deleteGoal("u1", goalId: "g1")
      }
      await #expect(throws: CarbonTrackError.notFound("User nobody does not exist.")) {
        var orphan = goal
        orphan.userId = "nobody"
        _ = try await store.createGoal(orphan)
      }
    }
  }

  @Test func achievementsAreAwardedByRulesExactlyOnce() async throws {
    try await withStore("badges") { store, _ in
      _ = try await makeUser(store, "u1")
      let now = Timestamp(iso8601: "2026-03-15T12:00:00Z")!
      #expect(try await store.evaluateAchievements("u1", now: now).awarded == [])
      // January 100 kg, February 80 kg (20% lower), and a 7-day streak in March.
      _ = try await store.addEntry(try makeEntry("u1", .energy, 100, at: "2026-01-10T10:00:00Z"))
      _ = try await store.addEntry(try makeEntry("u1", .energy, 80, at: "2026-02-10T10:00:00Z"))
      for day in 3...8 { _ = try await store.addEntry(try makeEntry("u1", .food, 1, at: "2026-03-0\(day)T10:00:00Z")) }
      #expect(try await store.evaluateAchievements("u1", now: now).awarded == ["first-entry", "monthly-reduction-10"])
      _ = try await store.addEntry(try makeEntry("u1", .food, 1, at: "2026-03-09T10:00:00Z"))
      #expect(try await store.evaluateAchievements("u1", now: now).awarded == ["seven-day-streak"])
      #expect(try await store.evaluateAchievements("u1", now: now).awarded == [])

      try await withThrowingTaskGroup(of: Bool.self) { group in
        for _ in 0..<5 { group.addTask { try await store.award(.goalMet, to: "u1", now: now) } }
        var wins = 0
        for try await won in group where won { wins += 1 }
        #expect(wins == 1)
      }
      let earned = try await store.achievements("u1", consistent: true).map(\.achievementId)
      #expect(Set(earned) == ["first-entry", "monthly-reduction-10", "seven-day-streak", "goal-met"])
      #expect(earned.count == 4)
    }
  }
}
