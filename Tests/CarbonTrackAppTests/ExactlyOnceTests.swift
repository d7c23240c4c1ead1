import CarbonTrackTestSupport
import DynamoDB
import DynamoDBTestSupport
import Foundation
import LambdaEvents
import LocalLambdaServer
import Synchronization
import Testing

@testable import CarbonTrack

/// Every write kind through the real `bootstrap`, behind a proxy that lets the write reach moto and then loses its
/// answer, on the first one, two or three attempts. With two or fewer the client's own retry must recognise its
/// earlier success; with three the request fails (503) and the caller sends it again with the same idempotency key,
/// which must return the first answer. Either way the final state is exact: one entry, statistics counted once,
/// versions bumped once. A second send with the key must always repeat the answer, status and body.
@Suite(.enabled(if: TestEnvironment.integrationEnabled), .timeLimit(.minutes(5)))
struct ExactlyOnceTests {
  @Test(arguments: [(1, true), (2, true), (3, true), (1, false), (2, false)])
  func everyWriteKindHappensExactlyOnce(lostAnswers: Int, withKey: Bool) async throws {
    try await withStore("once") { store, environment in
      let upstream = try #require(environment["DYNAMODB_ENDPOINT"])
      let losses = LostAnswers()
      try await FaultProxy.run(upstream: upstream, planByAttempt: { losses.fault(for: $0.target) }) { proxy in
        var function = environment
        function["DYNAMODB_ENDPOINT"] = proxy.endpoint
        function["AUTH_MODE"] = "none"
        try await RunningBootstrap.with(environment: function) { server in
          let run = WriteRun(server: server, losses: losses, lostAnswers: lostAnswers, withKey: withKey)
          try await check(run, store)
        }
      }
    }
  }

  private func check(_ run: WriteRun, _ store: CarbonTrackStore) async throws {
    let user = #"{"email":"once@example.com","displayName":"Once"}"#
    _ = try await run.write("createUser", "POST", "/users/once", body: user, expect: 201)
    #expect(try await store.getUser("once").version == 1)

    let renamed = try await run.write(
      "updateUser", "PATCH", "/users/once", body: #"{"displayName":"Twice"}"#, expect: 200)
    #expect(try decode(UserProfile.self, renamed).version == 2)
    #expect(try await store.getUser("once").version == 2, "updated once")

    let entry = #"{"category":"transport","activity":"bus","quantity":10,"unit":"km","kgCO2e":2.5}"#
    let created = try decode(
      CarbonEntry.self, try await run.write("createEntry", "POST", "/users/once/entries", body: entry, expect: 201))
    var statistics = try await store.getUser("once").statistics
    #expect(statistics.entryCount == 1 && statistics.totalKgCO2e == 2.5, "\(statistics)")
    #expect(try await store.entries("once", limit: 10).entries.map(\.timestamp) == [created.timestamp])

    let entryPath = "/users/once/entries/" + created.timestamp.replacingOccurrences(of: "#", with: "%23")
    let moved = #"{"category":"food","kgCO2e":4}"#
    let updated = try decode(
      CarbonEntry.self, try await run.write("updateEntry", "PUT", entryPath, body: moved, expect: 200))
    #expect(updated.version == 2)
    #expect(try await store.getEntry("once", timestamp: created.timestamp).version == 2, "updated once")
    statistics = try await store.getUser("once").statistics
    #expect(statistics.totalKgCO2e == 4 && statistics.categoryTotals["food"] == 4, "\(statistics)")
    #expect(statistics.categoryTotals["transport"] == 0, "\(statistics)")

    let goal = #"{"title":"Cap","targetKgCO2e":100,"periodStart":"2026-01-01","periodEnd":"2026-12-31"}"#
    let newGoal = try decode(
      Goal.self, try await run.write("createGoal", "POST", "/users/once/goals", body: goal, expect: 201))
    #expect(try await store.listGoals("once").goals.map(\.goalId) == [newGoal.goalId], "one goal")
    let goalPath = "/users/once/goals/" + newGoal.goalId
    let retitled = try decode(
      Goal.self, try await run.write("updateGoal", "PUT", goalPath, body: #"{"title":"New"}"#, expect: 200))
    #expect(retitled.version == 2)
    #expect(try await store.getGoal("once", goalId: newGoal.goalId).version == 2, "updated once")

    _ = try await run.write("evaluateAchievements", "POST", "/users/once/achievements", expect: 200)
    #expect(try await store.achievements("once").map(\.achievementId) == ["first-entry"])

    _ = try await run.write("deleteEntry", "DELETE", entryPath, expect: 204)
    statistics = try await store.getUser("once").statistics
    #expect(statistics.entryCount == 0 && statistics.totalKgCO2e == 0, "subtracted once: \(statistics)")
    _ = try await run.write("deleteGoal", "DELETE", goalPath, expect: 204)
    #expect(try await store.listGoals("once").goals.isEmpty)

    _ = try await run.write("deleteUser", "DELETE", "/users/once", lose: "UpdateItem", expect: 204)
    let left = try await store.itemCounts("once").filter { $0.value > 0 }
    // With a key, the delete's own record stays (a day) so that its repeat answers 204 again.
    #expect(left == (run.withKey ? [store.tables.entries: 1] : [:]), "\(left)")
  }

  private func decode<T: Decodable>(_ type: T.Type, _ response: APIGatewayResponse) throws -> T {
    try JSONDecoder().decode(type, from: Data(response.body.utf8))
  }
}

/// Which answers the proxy loses next: the next `count` requests of operation `target`.
private final class LostAnswers: Sendable {
  private let plan = Mutex<(target: String, count: Int)>(("", 0))

  func lose(_ count: Int, of target: String) {
    plan.withLock { $0 = ("DynamoDB_20120810." + target, count) }
  }

  /// Answers still to lose.
  var remaining: Int { plan.withLock { $0.count } }

  func fault(for target: String) -> FaultProxy.Fault? {
    plan.withLock { plan in
      guard plan.count > 0, plan.target == target else { return nil }
      plan.count -= 1
      return .dropResponse
    }
  }
}

/// Sends the writes of one run: each loses its first `lostAnswers` answers, then (with a key) is sent again.
private struct WriteRun {
  let server: LocalLambdaServer
  let losses: LostAnswers
  let lostAnswers: Int
  let withKey: Bool

  /// The write's answer as the caller finally sees it, after checking it is `expect` and that a repeat with the
  /// same key gives the same answer.
  func write(
    _ name: String, _ method: String, _ path: String, body: String? = nil, lose target: String = "TransactWriteItems",
    expect status: Int
  ) async throws -> APIGatewayResponse {
    let key = withKey ? "key-\(name)-\(lostAnswers)" : nil
    losses.lose(lostAnswers, of: target)
    var answer = try await send(method, path, body: body, key: key)
    // An evaluation that finds nothing new writes nothing without a key to record; every other write lost them all.
    if name != "evaluateAchievements" || withKey {
      #expect(losses.remaining == 0, "\(name): the proxy lost \(lostAnswers - losses.remaining) of \(lostAnswers)")
    }
    // Three lost answers exhaust the client's attempts: the request fails, and the caller tries again.
    if lostAnswers >= 3 {
      #expect(answer.statusCode == 503, "\(name): \(answer.body)")
      answer = try await send(method, path, body: body, key: key)
    }
    #expect(answer.statusCode == status, "\(name) after \(lostAnswers) lost answer(s): \(answer.body)")
    if let key {
      let repeated = try await send(method, path, body: body, key: key)
      #expect(repeated == answer, "\(name): the same key answers the same")
    }
    return answer
  }

  private func send(_ method: String, _ path: String, body: String?, key: String?) async throws -> APIGatewayResponse {
    var event =
      try JSONSerialization.jsonObject(with: Data(HostileEvent.api(method, path, body: body, sub: nil)))
      as? [String: Any] ?? [:]
    if let key { event["headers"] = ["content-type": "application/json", "idempotency-key": key] }
    return try await apiResponse(server, Array(try JSONSerialization.data(withJSONObject: event)))
  }
}
