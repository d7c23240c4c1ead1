import Foundation
import LambdaEvents
import LambdaRuntime

@testable import CarbonTrack

/// Access to the JSON files in `events/` and a way to run them through the function in-process.
package enum EventFiles {
  package static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("events")

  /// The bytes of `events/<path>`.
  package static func load(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: root.appendingPathComponent(path)))
  }

  /// Every event file, relative to `events/`, sorted.
  package static func all() throws -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: root.path)
    var files: [String] = []
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".json") { files.append(path) }
    }
    return files.sorted()
  }

  /// The route files in the order that makes each succeed on fresh tables, with the expected status.
  package static let sequence: [(name: String, status: Int)] = [
    ("create-user", 201), ("get-user", 200), ("update-user", 200), ("create-entry", 201), ("list-entries", 200),
    ("get-entry", 200), ("update-entry", 200), ("delete-entry", 204), ("create-goal", 201), ("list-goals", 200),
    ("get-goal", 200), ("update-goal", 200), ("delete-goal", 204), ("list-achievements", 200),
    ("evaluate-achievements", 200), ("get-analytics", 200), ("delete-user", 204),
  ]

  package static let userId = "user-123"
  package static let entryKey = EntrySortKey(time: Timestamp(iso8601: "2026-01-15T08:30:00.000Z")!, suffix: "00c0ffee")
  package static let goalId = "goal-123"

  /// Seeds the entry and goal the item-level event files refer to, right before they are needed.
  package static func seed(before name: String, store: CarbonTrackStore) async throws {
    if name == "get-entry" {
      let entry = CarbonEntry(
        userId: userId, key: entryKey, category: .energy, activity: "Heating", quantity: 10, unit: "kWh", kgCO2e: 2,
        createdAt: testNow)
      _ = try await store.addEntry(entry)
    } else if name == "get-goal" {
      let goal = try CreateGoalRequest(
        title: "Seeded", kind: "cap", targetKgCO2e: 50, periodStart: "2026-01-01", periodEnd: "2026-01-31"
      ).validated(userId: userId, goalId: goalId, now: testNow)
      _ = try await store.createGoal(goal)
    }
  }
}

/// Runs events through the real handler registry, in-process.
package struct InProcessFunction {
  package let registry: HandlerRegistry

  package init(store: CarbonTrackStore, environment: [String: String]) throws {
    registry = try CarbonTrackFunction.makeRegistry(client: store.client, environment: environment)
  }

  package func invoke(_ event: [UInt8], handler: String = "router", coldStart: Bool = false) async throws -> [UInt8] {
    try await registry.handle(event, handlerName: handler, context: LambdaContext(isColdStart: coldStart))
  }

  /// Invokes an API event and decodes the proxy response.
  package func api(_ event: [UInt8]) async throws -> APIGatewayResponse {
    try JSONDecoder().decode(APIGatewayResponse.self, from: Data(try await invoke(event)))
  }
}
