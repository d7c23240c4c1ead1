import DynamoDB

extension CarbonTrackStore {
  /// Items deleted per batch while sweeping a user's data: one query page, then its deletes, then the next page,
  /// so memory and the work lost to a timeout stay bounded however much data the user has.
  static let deletionPageSize = 100

  /// Removes every item of the user from all four tables (GDPR erasure), in bounded batches, resumably.
  ///
  /// First the user item is marked `deleting`: every write that creates data for a user (entries, goals, awards,
  /// idempotency records) is conditional on the user item existing without that mark, so nothing new can appear
  /// behind the sweep, and reads treat the user as gone. Then each table is swept page by page, and the user item
  /// goes last. If the invocation runs out of time half-way, the mark stays and sending the delete again finishes
  /// the job; a user created again afterwards starts empty.
  package func deleteAllData(_ userId: String) async throws -> DeletionSummary {
    let existed = try await markDeleting(userId)
    var counts: [String: Int] = [:]
    for (table, sortKey) in [
      (tables.entries, "timestamp"), (tables.goals, "goalId"), (tables.achievements, "achievementId"),
    ] {
      var start: Item?
      repeat {
        let page = try await client.query(
          QueryInput(
            tableName: table, keyConditionExpression: "userId = :u", projectionExpression: "userId, #sk",
            expressionAttributeNames: ["#sk": sortKey], expressionAttributeValues: [":u": .s(userId)],
            limit: Self.deletionPageSize, exclusiveStartKey: start, consistentRead: true))
        var writer = BatchWriter(writeAll: client.batchWriteAll)
        for key in page.items { writer.delete(key: key, from: table) }
        try await writer.flush()
        counts[table, default: 0] += page.items.filter { Self.isUserData($0[sortKey]) }.count
        start = page.lastEvaluatedKey
      } while start != nil
    }
    try await deleteMarkedUser(userId)
    return DeletionSummary(
      userId: userId, userDeleted: existed, entriesDeleted: counts[tables.entries] ?? 0,
      goalsDeleted: counts[tables.goals] ?? 0, achievementsDeleted: counts[tables.achievements] ?? 0)
  }

  /// Marks the user item as being deleted; false if there is none (an earlier delete finished, or never a user).
  private func markDeleting(_ userId: String) async throws -> Bool {
    do {
      _ = try await client.updateItem(
        UpdateItemInput(
          tableName: tables.users, key: userKey(userId), updateExpression: "SET deleting = :now",
          conditionExpression: "attribute_exists(userId)",
          expressionAttributeValues: [":now": .s(Timestamp.now().iso8601)]))
      return true
    } catch let error as DynamoDBError where error.isConditionalCheckFailed {
      return false
    }
  }

  /// Deletes the marked user item. Finding it gone is the same outcome: the answer to an earlier attempt was lost,
  /// or a concurrent delete finished first.
  private func deleteMarkedUser(_ userId: String) async throws {
    do {
      _ = try await client.deleteItem(
        DeleteItemInput(
          tableName: tables.users, key: userKey(userId), conditionExpression: "attribute_exists(deleting)"))
    } catch let error as DynamoDBError where error.isConditionalCheckFailed {
      return
    }
  }

  /// Whether a sort key is the user's own data rather than bookkeeping (day totals, idempotency records).
  private static func isUserData(_ sortKey: AttributeValue?) -> Bool {
    guard case .s(let key)? = sortKey else { return true }
    return !key.hasPrefix(MonthTotals.sortKeyPrefix) && !key.hasPrefix(IdempotencyRecord.sortKeyPrefix)
  }

  /// How many items the user has in each table (strongly consistent), keyed by table name.
  package func itemCounts(_ userId: String) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for table in tables.all {
      let input = QueryInput(
        tableName: table, keyConditionExpression: "userId = :u", expressionAttributeValues: [":u": .s(userId)],
        consistentRead: true, select: .count)
      var count = 0
      for try await page in client.queryPaginator(input, maxPages: nil) { count += page.count }
      counts[table] = count
    }
    return counts
  }
}
