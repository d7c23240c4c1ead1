import ArgumentParser
import CarbonTrack
import Foundation
import SharedSupport

/// `carbontrack seed`: a user with a history, for trying the API and for the history-size benchmark.
struct SeedCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "seed",
    abstract: "Create a user with N entries spread over the last D days and G goals (tables must exist).",
    discussion: "Configured like 'invoke' (DYNAMODB_ENDPOINT, AWS_REGION, CARBONTRACK_TABLE_PREFIX, ...)."
  )

  @Option(help: "The user to create or add to.") var user: String
  @Option(help: "How many entries to add.") var entries = 100
  @Option(help: "Spread the entries over this many days up to today.") var days = 365
  @Option(help: "How many goals to create (90-day caps, ending today).") var goals = 0

  func run() async throws {
    let now = Timestamp.now()
    let days = max(1, days)
    try await LocalFunction.with(environment: ProcessInfo.processInfo.environment) { function in
      let store = function.store
      do {
        _ = try await store.createUser(
          try CreateUserRequest(email: "\(user)@example.com", displayName: user).validated(userId: user, now: now))
      } catch CarbonTrackError.conflict {}
      let categories = EntryCategory.allCases
      let seeded = try (0..<entries).map { index in
        // Evenly over the days (several a day for large counts), a second apart within a day.
        let ago = Int64(index) * Int64(days) / Int64(max(entries, 1)) * 86_400_000 + Int64(index % 1000) * 1000
        return try CreateEntryRequest(
          category: categories[index % categories.count].rawValue, activity: "seeded \(index)", quantity: 1,
          unit: "unit", kgCO2e: Double(index % 50) / 4 + 0.25, occurredAt: now.adding(milliseconds: -ago).iso8601
        ).validated(userId: user, now: now)
      }
      try await store.importEntries(seeded, userId: user, now: now)
      for index in 0..<goals {
        let goal = try CreateGoalRequest(
          title: "Seeded goal \(index)", kind: GoalKind.cap.rawValue, targetKgCO2e: 1000,
          periodStart: CivilDay(daysSinceEpoch: now.day.daysSinceEpoch - 89).iso8601, periodEnd: now.day.iso8601
        ).validated(userId: user, goalId: "seeded-\(index)", now: now)
        do { _ = try await store.createGoal(goal, now: now) } catch CarbonTrackError.conflict {}
      }
    }
    print("Seeded \(user): \(entries) entries over \(days) days, \(goals) goals.")
  }
}
