import CarbonTrackTestSupport
import DynamoDBTestSupport
import Foundation
import Testing

@testable import CarbonTrack

/// DynamoDB's `TransactionConflictException` (another transaction holds the items) is a race, not our bug: through
/// the real `bootstrap`, behind a proxy that injects it, writes that retry races succeed and the others answer 409.
@Suite(.enabled(if: TestEnvironment.integrationEnabled), .timeLimit(.minutes(2)))
struct ConflictAnswersTests {
  @Test func transactionConflictsAreRetriedOrAnswered409() async throws {
    try await withStore("conflict", authMode: "required") { store, environment in
      try await HostileFixture.seed(store)
      let upstream = try #require(environment["DYNAMODB_ENDPOINT"])
      try await FaultProxy.run(
        upstream: upstream,
        planByAttempt: { attempt in
          switch attempt.target {
          // createGoal meets two conflicts and succeeds on its third attempt; every later transaction conflicts.
          case "DynamoDB_20120810.TransactWriteItems": attempt.indexOfTarget == 2 ? nil : .transactionConflict
          // A plain write: marking the user for deletion.
          case "DynamoDB_20120810.UpdateItem": .transactionConflict
          default: nil
          }
        }
      ) { proxy in
        var function = environment
        function["DYNAMODB_ENDPOINT"] = proxy.endpoint
        try await RunningBootstrap.with(environment: function) { server in
          let goal = #"{"title":"T","targetKgCO2e":5,"periodStart":"2026-01-01","periodEnd":"2026-12-31"}"#
          let created = try await apiResponse(server, HostileEvent.api("POST", "/users/alice/goals", body: goal))
          #expect(created.statusCode == 201, "createGoal retries two conflicts: \(created.body)")

          for path in [HostileFixture.goalPath, "/users/alice"] {
            let deleted = try await apiResponse(server, HostileEvent.api("DELETE", path))
            #expect(deleted.statusCode == 409, "DELETE \(path): \(deleted.body)")
            #expect(deleted.body.contains(#""error":"Conflict""#), "DELETE \(path): \(deleted.body)")
          }
        }
      }
      _ = try await store.getUser(HostileFixture.alice)
      _ = try await store.getGoal(HostileFixture.alice, goalId: HostileFixture.goalId)
      #expect(try await store.listGoals(HostileFixture.alice).goals.count == 2)
    }
  }
}
