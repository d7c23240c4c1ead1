import DynamoDB

extension CarbonTrackStore {
  /// Removes every item of the user from all four tables (GDPR erasure).
  ///
  /// The user item goes first: every entry write is conditional on the user existing, so no new entry can appear
  /// behind the sweep. The other tables are then read key-only and deleted with batch writes.
  public func deleteAllData(_ userId: String) async throws -> DeletionSummary {
    let deleted = try await client.deleteItem(
      DeleteItemInput(tableName: tables.users, key: userKey(userId), returnValues: .allOld))
    var writer = BatchWriter(client: client)
    var counts: [String: Int] = [:]
    for (table, sortKey) in [
      (tables.entries, "timestamp"), (tables.goals, "goalId"), (tables.achievements, "achievementId"),
    ] {
      let input = QueryInput(
        tableName: table, keyConditionExpression: "userId = :u", projectionExpression: "userId, #sk",
        expressionAttributeNames: ["#sk": sortKey], expressionAttributeValues: [":u": .s(userId)],
        consistentRead: true)
      for try await page in client.queryPaginator(input) {
        for key in page.items { writer.delete(key: key, from: table) }
        counts[table, default: 0] += page.items.count
      }
    }
    try await writer.flush()
    return DeletionSummary(
      userId: userId, userDeleted: deleted.attributes != nil, entriesDeleted: counts[tables.entries] ?? 0,
      goalsDeleted: counts[tables.goals] ?? 0, achievementsDeleted: counts[tables.achievements] ?? 0)
  }

  /// How many items the user has in each table (strongly consistent), keyed by table name.
  public func itemCounts(_ userId: String) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for table in tables.all {
      let input = QueryInput(
        tableName: table, keyConditionExpression: "userId = :u", expressionAttributeValues: [":u": .s(userId)],
        consistentRead: true, select: .count)
      var count = 0
      for try await page in client.queryPaginator(input) { count += page.count }
      counts[table] = count
    }
    return counts
  }
}
