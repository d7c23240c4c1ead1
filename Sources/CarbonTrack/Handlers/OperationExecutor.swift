#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Validates an `OperationInput`, runs it against the store and encodes the result.
public struct OperationExecutor: Sendable {
  public let store: CarbonTrackStore

  /// An executor on `store`.
  public init(store: CarbonTrackStore) {
    self.store = store
  }

  /// Runs `input`; throws `CarbonTrackError` for anything the caller did wrong, or the underlying error.
  public func execute(_ input: OperationInput, now: Timestamp = .now()) async throws -> OperationResult {
    var validator = FieldValidator()
    let validUserId = validator.userId(input.userId)
    try validator.finish()
    guard let userId = validUserId else { throw CarbonTrackError.invalid("userId", "is required") }
    let resourceId = try resource(input)
    let query = try QueryParameters(input.query, userId: userId, now: now)
    switch input.operation {
    case .createUser:
      let profile = try RequestDecoding.decode(CreateUserRequest.self, from: input.body).validated(
        userId: userId, now: now)
      return try ok(201, try await store.createUser(profile))
    case .getUser:
      return try ok(200, try await store.getUser(userId))
    case .updateUser:
      let update = try RequestDecoding.decode(UpdateUserRequest.self, from: input.body).validated()
      return try ok(200, try await store.updateUser(userId, update, now: now))
    case .deleteUser:
      let summary = try await store.deleteAllData(userId)
      guard summary.deletedAnything else { throw CarbonTrackError.notFound("User \(userId) has no data.") }
      return try ok(204, summary)
    case .createEntry:
      let entry = try RequestDecoding.decode(CreateEntryRequest.self, from: input.body).validated(
        userId: userId, now: now)
      let stored = try await store.addEntry(entry, now: now)
      // Best effort: the entry is stored; failing the request now would invite a retry that logs it twice.
      // Anything missed here is awarded by the next evaluation.
      _ = try? await store.evaluateAchievements(userId, now: now)
      return try ok(201, stored)
    case .listEntries:
      _ = try await store.getUser(userId, consistent: false)
      return try ok(
        200, try await store.entries(userId, in: query.range ?? .all, limit: query.limit, after: query.cursor))
    case .getEntry:
      return try ok(200, try await store.getEntry(userId, timestamp: resourceId))
    case .updateEntry:
      let update = try RequestDecoding.decode(UpdateEntryRequest.self, from: input.body).validated()
      return try ok(200, try await store.updateEntry(userId, timestamp: resourceId, update, now: now))
    case .deleteEntry:
      let expected = try RequestDecoding.decode(VersionOnly.self, from: input.body).expectedVersion
      if let expected, expected < 1 { throw CarbonTrackError.invalid("expectedVersion", "must be at least 1") }
      try await store.deleteEntry(userId, timestamp: resourceId, expectedVersion: expected)
      return try ok(204, Deleted(deleted: resourceId))
    case .createGoal:
      let goal = try RequestDecoding.decode(CreateGoalRequest.self, from: input.body).validated(
        userId: userId, goalId: UUID().uuidString.lowercased(), now: now)
      return try ok(201, try await store.createGoal(goal, now: now))
    case .listGoals:
      return try ok(200, GoalList(goals: try await store.listGoals(userId, now: now)))
    case .getGoal:
      return try ok(200, try await store.getGoal(userId, goalId: resourceId, now: now))
    case .updateGoal:
      let request = try RequestDecoding.decode(UpdateGoalRequest.self, from: input.body)
      return try ok(200, try await store.updateGoal(userId, goalId: resourceId, request, now: now))
    case .deleteGoal:
      try await store.deleteGoal(userId, goalId: resourceId)
      return try ok(204, Deleted(deleted: resourceId))
    case .listAchievements:
      _ = try await store.getUser(userId, consistent: false)
      return try ok(200, AchievementList(achievements: try await store.achievements(userId)))
    case .evaluateAchievements:
      let awarded = try await store.evaluateAchievements(userId, now: now)
      return try ok(
        200,
        AchievementList(
          achievements: try await store.achievements(userId, consistent: true), awarded: awarded.map(\.rawValue)))
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
struct Deleted: Encodable {
  var deleted: String
}

/// `{"goals": [...]}`.
struct GoalList: Encodable {
  var goals: [Goal]
}

/// `{"achievements": [...], "awarded": [...]?}`.
struct AchievementList: Encodable {
  var achievements: [Achievement]
  var awarded: [String]?
}
