import DynamoDB
import SharedSupport

@testable import CarbonTrack

/// The data every hostile case runs against: alice with an entry, a goal and her first achievement already earned
/// (so evaluating achievements changes nothing), and Kevin with an entry of his own.
enum HostileFixture {
  static let alice = "alice"
  static let kevin = "Kevin"
  static let goalId = "g-1"
  static let aliceEntry = EntrySortKey(time: Timestamp(iso8601: "2026-11-15T10:00:00.000Z")!, suffix: "0000a11c")
  static let kevinEntry = EntrySortKey(time: Timestamp(iso8601: "2026-11-16T10:00:00.000Z")!, suffix: "0000cafe")

  static var aliceEntryPath: String {
    "/users/alice/entries/" + aliceEntry.description.replacingOccurrences(of: "#", with: "%23")
  }
  static var goalPath: String { "/users/alice/goals/" + goalId }

  /// A cursor alice's own full listing could have returned.
  static var aliceCursor: String { PageCursor.encode(after: aliceEntry.description, userId: alice) }
  /// A cursor of Kevin's listing, which alice must not be able to use.
  static var kevinCursor: String { PageCursor.encode(after: kevinEntry.description, userId: kevin) }

  static func seed(_ store: CarbonTrackStore) async throws {
    let now = Timestamp(iso8601: "2026-11-20T12:00:00Z")!
    for userId in [alice, kevin] {
      _ = try await store.createUser(
        CreateUserRequest(email: "\(userId)@example.com", displayName: userId).validated(userId: userId, now: now))
    }
    for (userId, key) in [(alice, aliceEntry), (kevin, kevinEntry)] {
      _ = try await store.addEntry(
        CarbonEntry(
          userId: userId, key: key, category: .transport, activity: "bus", quantity: 10, unit: "km", kgCO2e: 1.25,
          createdAt: now), now: now)
    }
    _ = try await store.createGoal(
      Goal(
        userId: alice, goalId: goalId, title: "Less driving", kind: .cap, targetKgCO2e: 100, baselineKgCO2e: nil,
        periodStart: CivilDay(year: 2026, month: 1, day: 1)!, periodEnd: CivilDay(year: 2026, month: 12, day: 31)!,
        createdAt: now), now: now)
    _ = try await store.award(.firstEntry, to: alice, now: now)
  }
}
