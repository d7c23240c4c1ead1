#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Validates an `OperationInput`, runs it against the store and encodes the result.
package struct OperationExecutor: Sendable {
  package let store: CarbonTrackStore

  package init(store: CarbonTrackStore) {
    self.store = store
  }

  /// Runs `input`; throws `CarbonTrackError` for anything the caller did wrong, or the underlying error.
  ///
  /// Writes sent with an idempotency key run at most once per key (see `IdempotentWrite`).
  package func execute(_ input: OperationInput, now: Timestamp = .now()) async throws -> OperationResult {
    var validator = FieldValidator()
    let validUserId = validator.userId(input.userId)
    try validator.finish()
    guard let userId = validUserId else { throw CarbonTrackError.invalid("userId", "is required") }
    let resourceId = try resource(input)
    let query = try QueryParameters(input.query, for: input.operation, userId: userId, now: now)
    let idempotency = try input.idempotencyKey.map {
      try IdempotentWrite(store: store, userId: userId, key: $0, input: input, now: now)
    }
    if idempotency != nil, !input.operation.isWrite {
      throw CarbonTrackError.invalid("Idempotency-Key", "applies to writes only; \(input.operation) only reads")
    }
    if let stored = try await idempotency?.storedAnswer() { return stored }
    do {
      return try await run(input, userId: userId, resourceId: resourceId, query: query, now: now, idempotency)
    } catch WriteRefusal.receiptTaken {
      // Another request with the same key committed first (a client retrying before the first answer arrived).
      if let stored = try await idempotency?.storedAnswer() { return stored }
      throw CarbonTrackError.conflict("A request with this Idempotency-Key is still being processed; retry.")
    }
  }

  private func run(
    _ input: OperationInput, userId: String, resourceId: String, query: QueryParameters, now: Timestamp,
    _ idempotency: IdempotentWrite?
  ) async throws -> OperationResult {
    /// The receipt for a write answering `status` with the store's result as the body.
    func receipt(_ status: Int) -> WriteReceipt? { idempotency?.receipt(status: status) }
    /// The receipt for a write answering `status` with `body`, whatever the store returns.
    func receipt(_ status: Int, body: some Encodable & Sendable) -> WriteReceipt? {
      idempotency?.receipt(status: status, fixedBody: body)
    }
    switch input.operation {
    case .createUser:
      let profile = try RequestDecoding.decode(CreateUserRequest.self, from: input.body).validated(
        userId: userId, now: now)
      return try ok(201, try await store.createUser(profile, receipt: receipt(201)))
    case .getUser:
      return try ok(200, try await store.getUser(userId))
    case .updateUser:
      let update = try RequestDecoding.decode(UpdateUserRequest.self, from: input.body).validated()
      return try ok(200, try await store.updateUser(userId, update, now: now, receipt: receipt(200)))
    case .deleteUser:
      let summary = try await store.deleteAllData(userId)
      guard summary.deletedAnything else { throw CarbonTrackError.notFound("User \(userId) has no data.") }
      let result = try ok(204, summary)
      // Not one transaction (the sweep is many writes), so the record follows the deletion it describes.
      try await idempotency?.record(result)
      return result
    case .createEntry:
      let entry = try RequestDecoding.decode(CreateEntryRequest.self, from: input.body).validated(
        userId: userId, now: now)
      let stored = try await store.addEntry(entry, now: now, receipt: receipt(201))
      // Best effort: the entry is stored; failing the request now would invite a retry that logs it twice.
      // Anything missed here is awarded by the next evaluation.
      _ = try? await store.evaluateAchievements(userId, now: now, rules: CarbonTrackStore.rulesAnEntryCanMeet)
      return try ok(201, stored)
    case .listEntries:
      _ = try await store.getUser(userId, consistent: false)
      return try ok(
        200, try await store.entries(userId, in: query.range ?? .all, limit: query.limit, after: query.cursor))
    case .getEntry:
      return try ok(200, try await store.getEntry(userId, timestamp: resourceId))
    case .updateEntry:
      let update = try RequestDecoding.decode(UpdateEntryRequest.self, from: input.body).validated()
      return try ok(
        200, try await store.updateEntry(userId, timestamp: resourceId, update, now: now, receipt: receipt(200)))
    case .deleteEntry:
      let expected = try RequestDecoding.decode(VersionOnly.self, from: input.body).expectedVersion
      if let expected, expected < 1 { throw CarbonTrackError.invalid("expectedVersion", "must be at least 1") }
      let deleted = Deleted(deleted: resourceId)
      try await store.deleteEntry(
        userId, timestamp: resourceId, expectedVersion: expected, receipt: receipt(204, body: deleted))
      return try ok(204, deleted)
    case .createGoal:
      let goal = try RequestDecoding.decode(CreateGoalRequest.self, from: input.body).validated(
        userId: userId, goalId: UUID().uuidString.lowercased(), now: now)
      return try ok(201, try await store.createGoal(goal, now: now, receipt: receipt(201)))
    case .listGoals:
      _ = try await store.getUser(userId, consistent: false)
      return try ok(200, try await store.listGoals(userId, limit: query.limit, after: query.goalCursor, now: now))
    case .getGoal:
      return try ok(200, try await store.getGoal(userId, goalId: resourceId, now: now))
    case .updateGoal:
      let request = try RequestDecoding.decode(UpdateGoalRequest.self, from: input.body)
      return try ok(
        200, try await store.updateGoal(userId, goalId: resourceId, request, now: now, receipt: receipt(200)))
    case .deleteGoal:
      let deleted = Deleted(deleted: resourceId)
      try await store.deleteGoal(userId, goalId: resourceId, receipt: receipt(204, body: deleted))
      return try ok(204, deleted)
    case .listAchievements:
      _ = try await store.getUser(userId, consistent: false)
      return try ok(200, AchievementList(achievements: try await store.achievements(userId)))
    case .evaluateAchievements:
      return try ok(200, try await store.evaluateAchievements(userId, now: now, receipt: receipt(200)))
    case .getAnalytics:
      _ = try await store.getUser(userId, consistent: false)
      return try ok(200, try await store.analytics(userId, in: query.analyticsRange(now: now), groupBy: query.groupBy))
    }
  }

  /// The validated entry timestamp or goal id for item operations ("" for others).
  private func resource(_ input: OperationInput) throws(CarbonTrackError) -> String {
    guard let field = input.operation.resourceField else { return "" }
    guard let id = input.resourceId, !id.isEmpty else { throw .invalid(field, "is required") }
    if field == "timestamp" {
      guard EntrySortKey(id) != nil else {
        throw .invalid("timestamp", "must be an entry timestamp such as 2026-01-31T12:00:00.000Z#0a1b2c3d")
      }
    } else if id.utf8.count > 128 {
      throw .notFound("Goal \(id) does not exist.")
    }
    return id
  }

  private func ok(_ status: Int, _ value: some Encodable) throws(CarbonTrackError) -> OperationResult {
    OperationResult(statusCode: status, body: try JSONCoding.encode(value))
  }
}

/// The body of delete requests: an optional `expectedVersion`.
struct VersionOnly: Decodable {
  var expectedVersion: Int?
}

/// Result of deleting one entry or goal.
struct Deleted: Encodable, Sendable {
  var deleted: String
}
