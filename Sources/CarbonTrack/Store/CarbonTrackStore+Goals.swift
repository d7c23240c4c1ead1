import DynamoDB

extension CarbonTrackStore {
  /// Creates a goal for an existing user (checked in the same transaction); `notFound` if the user is absent.
  ///
  /// A transaction that loses a race with another one on the user's item (e.g. an entry being added) is retried.
  public func createGoal(_ goal: Goal, now: Timestamp = .now()) async throws -> Goal {
    let userExists = TransactWriteItem.conditionCheck(
      tableName: tables.users, key: userKey(goal.userId), conditionExpression: "attribute_exists(userId)")
    let put = TransactWriteItem.put(
      tableName: tables.goals, item: try encoder.encode(goal), conditionExpression: "attribute_not_exists(userId)")
    for attempt in 1...Self.maxOptimisticAttempts {
      do {
        _ = try await client.transactWriteItems(
          TransactWriteItemsInput(transactItems: [userExists, put], clientRequestToken: requestToken()))
        return try await withProgress(goal, now: now)
      } catch let error as DynamoDBError where error.isConditionalCheckFailed {
        if error.cancellationCodes.first == "ConditionalCheckFailed" {
          throw CarbonTrackError.notFound("User \(goal.userId) does not exist.")
        }
        throw CarbonTrackError.conflict("Goal \(goal.goalId) already exists.")
      } catch let error as DynamoDBError where error.isTransactionConflict && attempt < Self.maxOptimisticAttempts {
        try await backoff(attempt: attempt)
      }
    }
    throw CarbonTrackError.conflict("Could not store the goal after \(Self.maxOptimisticAttempts) attempts; retry.")
  }

  /// Reads a goal with its progress; `notFound` if absent.
  public func getGoal(_ userId: String, goalId: String, now: Timestamp = .now()) async throws -> Goal {
    try await withProgress(try await storedGoal(userId, goalId: goalId), now: now)
  }

  /// Every goal of the user, with progress, in goal id order.
  public func listGoals(_ userId: String, now: Timestamp = .now()) async throws -> [Goal] {
    let input = QueryInput(
      tableName: tables.goals, keyConditionExpression: "userId = :u", expressionAttributeValues: [":u": .s(userId)],
      consistentRead: true)
    var goals: [Goal] = []
    for item in try await client.queryPaginator(input).items() {
      goals.append(try await withProgress(try decoder.decode(Goal.self, from: item), now: now))
    }
    return goals
  }

  /// Applies an update (validated against the whole goal), conditional on the version read.
  public func updateGoal(_ userId: String, goalId: String, _ request: UpdateGoalRequest, now: Timestamp = .now())
    async throws -> Goal
  {
    let current = try await storedGoal(userId, goalId: goalId)
    if let expected = request.expectedVersion, expected != current.version {
      throw CarbonTrackError.conflict("Goal \(goalId) is at version \(current.version), not \(expected).")
    }
    let updated = try request.applied(to: current, now: now)
    do {
      _ = try await client.putItem(
        PutItemInput(
          tableName: tables.goals, item: try encoder.encode(updated), conditionExpression: "#version = :v",
          expressionAttributeNames: ["#version": "version"], expressionAttributeValues: [":v": .number(current.version)]
        ))
    } catch let error as DynamoDBError where error.isConditionalCheckFailed {
      throw CarbonTrackError.conflict("Goal \(goalId) changed while it was being updated; re-read and retry.")
    }
    return try await withProgress(updated, now: now)
  }

  /// Deletes a goal; `notFound` if absent.
  public func deleteGoal(_ userId: String, goalId: String) async throws {
    do {
      _ = try await client.deleteItem(
        DeleteItemInput(
          tableName: tables.goals, key: goalKey(userId, goalId), conditionExpression: "attribute_exists(userId)"))
    } catch let error as DynamoDBError where error.isConditionalCheckFailed {
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

  /// `goal` with `progress` computed from the entries in its period.
  func withProgress(_ goal: Goal, now: Timestamp) async throws -> Goal {
    var goal = goal
    guard let period = goal.periodRange else { return goal }
    let amounts = try await amounts(goal.userId, in: EntryRange(from: period.lowerBound, to: period.upperBound))
    goal.progress = GoalProgress(
      goal: goal, emittedMicro: Kilograms.sum(amounts.lazy.map(\.micro)), entryCount: amounts.count, now: now)
    return goal
  }
}
