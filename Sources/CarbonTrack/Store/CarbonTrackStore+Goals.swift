import DynamoDB

extension CarbonTrackStore {
  /// The most goals one user may have (creating another is a 400), which bounds what listing them costs.
  package static let maximumGoals = 50

  /// Creates a goal for an existing user, counting it on the user item in the same transaction; `notFound` if the
  /// user is absent, 400 past `maximumGoals`.
  ///
  /// A transaction that loses a race with another one on the user's item (e.g. an entry being added) is retried.
  package func createGoal(_ goal: Goal, now: Timestamp = .now(), receipt: WriteReceipt? = nil) async throws -> Goal {
    let result = try await withProgress(goal, now: now)
    for attempt in 1...Self.maxOptimisticAttempts {
      let token = writeToken()
      var count = UserItemUpdate(token: token)
      count.add("goalCount", 1)
      count.require(
        "(attribute_not_exists(goalCount) OR goalCount < :most)", values: [":most": .number(Self.maximumGoals)])
      let put = TransactWriteItem.put(
        tableName: tables.goals, item: try item(goal, token: token), conditionExpression: "attribute_not_exists(userId)"
      )
      do {
        try await commit(
          [count.item(table: tables.users, key: userKey(goal.userId)), put], token: token, userId: goal.userId,
          written: (tables.goals, goalKey(goal.userId, goal.goalId)), receipt: receipt, result: result,
          userRefusal: .invalid("goals", "a user may have at most \(Self.maximumGoals) goals; delete one first"))
        return result
      } catch WriteRefusal.item(1) {
        throw CarbonTrackError.conflict("Goal \(goal.goalId) already exists.")
      } catch let error as DynamoDBError where error.isTransactionConflict && attempt < Self.maxOptimisticAttempts {
        try await backoff(attempt)
      }
    }
    throw CarbonTrackError.conflict("Could not store the goal after \(Self.maxOptimisticAttempts) attempts; retry.")
  }

  /// Reads a goal with its progress; `notFound` if absent.
  package func getGoal(_ userId: String, goalId: String, now: Timestamp = .now()) async throws -> Goal {
    try await withProgress(try await storedGoal(userId, goalId: goalId), now: now)
  }

  /// Up to `limit` goals of the user, with progress, in goal id order, continuing after goal id `cursor`.
  package func listGoals(
    _ userId: String, limit: Int = maximumGoals, after cursor: String? = nil, now: Timestamp = .now()
  )
    async throws -> GoalPage
  {
    let input = QueryInput(
      tableName: tables.goals, keyConditionExpression: "userId = :u", expressionAttributeValues: [":u": .s(userId)],
      limit: limit, exclusiveStartKey: cursor.map { goalKey(userId, $0) }, consistentRead: true)
    let output = try await client.query(input)
    let goals = try await withProgress(try output.items.map { try decoder.decode(Goal.self, from: $0) }, now: now)
    let next = output.lastEvaluatedKey?["goalId"]?.stringValue
    return GoalPage(goals: goals, nextCursor: next.map { PageCursor.encode(after: $0, userId: userId) })
  }

  /// Applies an update (validated against the whole goal), conditional on the version read.
  package func updateGoal(
    _ userId: String, goalId: String, _ request: UpdateGoalRequest, now: Timestamp = .now(),
    receipt: WriteReceipt? = nil
  ) async throws -> Goal {
    let current = try await storedGoal(userId, goalId: goalId)
    if let expected = request.expectedVersion, expected != current.version {
      throw CarbonTrackError.conflict("Goal \(goalId) is at version \(current.version), not \(expected).")
    }
    let updated = try request.applied(to: current, now: now)
    let result = try await withProgress(updated, now: now)
    let token = writeToken()
    let put = TransactWriteItem.put(
      tableName: tables.goals, item: try item(updated, token: token), conditionExpression: "#version = :v",
      expressionAttributeNames: ["#version": "version"], expressionAttributeValues: [":v": .number(current.version)])
    do {
      try await commit(
        [put], token: token, userId: userId, written: (tables.goals, goalKey(userId, goalId)), receipt: receipt,
        result: result)
    } catch WriteRefusal.item(0) {
      throw CarbonTrackError.conflict("Goal \(goalId) changed while it was being updated; re-read and retry.")
    }
    return result
  }

  /// Deletes a goal and uncounts it on the user item in one transaction; `notFound` if absent.
  package func deleteGoal(_ userId: String, goalId: String, receipt: WriteReceipt? = nil) async throws {
    let token = writeToken()
    var count = UserItemUpdate(token: token)
    count.add("goalCount", -1)
    let delete = TransactWriteItem.delete(
      tableName: tables.goals, key: goalKey(userId, goalId), conditionExpression: "attribute_exists(userId)")
    do {
      try await commit(
        [delete, count.item(table: tables.users, key: userKey(userId))], token: token, userId: userId,
        receipt: receipt, result: goalId)
    } catch WriteRefusal.item(0) {
      throw CarbonTrackError.notFound("Goal \(goalId) of user \(userId) does not exist.")
    }
  }

  private func storedGoal(_ userId: String, goalId: String) async throws -> Goal {
    let output = try await client.getItem(
      GetItemInput(tableName: tables.goals, key: goalKey(userId, goalId), consistentRead: true))
    guard let item = output.item else {
      throw CarbonTrackError.notFound("Goal \(goalId) of user \(userId) does not exist.")
    }
    return try decoder.decode(Goal.self, from: item)
  }

  /// `goal` with `progress` computed from the day totals of its period.
  func withProgress(_ goal: Goal, now: Timestamp) async throws -> Goal {
    try await withProgress([goal], now: now)[0]
  }

  /// `goals` (of one user) with progress, reading the day totals of all their periods at once when those lie
  /// within two years of each other (a page of goals usually shares its months), else goal by goal.
  func withProgress(_ goals: [Goal], now: Timestamp) async throws -> [Goal] {
    let periods = goals.compactMap(\.periodRange).map { $0.lowerBound.day...$0.upperBound.day }
    guard let first = periods.map(\.lowerBound).min(), let last = periods.map(\.upperBound).max(),
      let userId = goals.first?.userId
    else { return goals }
    let shared =
      last.daysSinceEpoch - first.daysSinceEpoch <= 731 ? try await dayTotals(userId, from: first, to: last) : nil
    var result: [Goal] = []
    for var goal in goals {
      if let period = goal.periodRange.map({ $0.lowerBound.day...$0.upperBound.day }) {
        let days: [MonthTotals.DayTotal]
        if let shared {
          days = shared.filter { period.contains($0.day) }
        } else {
          days = try await dayTotals(userId, from: period.lowerBound, to: period.upperBound)
        }
        goal.progress = GoalProgress(
          goal: goal, emittedMicro: days.reduce(0) { $0 + $1.micro }, entryCount: days.reduce(0) { $0 + $1.count },
          now: now)
      }
      result.append(goal)
    }
    return result
  }
}
