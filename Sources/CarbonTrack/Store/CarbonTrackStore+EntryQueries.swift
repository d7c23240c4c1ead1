import DynamoDB

extension CarbonTrackStore {
  /// Up to `limit` entries in `range`, newest first, continuing after `cursor` (a sort key) when given.
  package func entries(
    _ userId: String, in range: EntryRange = .all, limit: Int, after cursor: String? = nil, consistent: Bool = true
  ) async throws -> EntryPage {
    var input = rangeQuery(userId, range)
    input.scanIndexForward = false
    input.limit = limit
    input.consistentRead = consistent
    input.exclusiveStartKey = cursor.map { entryKey(userId, $0) }
    let output = try await client.query(input)
    let entries = try output.items.map { try decoder.decode(CarbonEntry.self, from: $0) }
    let next = output.lastEvaluatedKey?["timestamp"]?.stringValue
    return EntryPage(entries: entries, nextCursor: next.map { PageCursor.encode(after: $0, userId: userId) })
  }

  /// The latest `limit` entries, newest first.
  package func latestEntries(_ userId: String, limit: Int, consistent: Bool = true) async throws -> [CarbonEntry] {
    try await entries(userId, limit: limit, consistent: consistent).entries
  }

  /// `userId = :u AND timestamp BETWEEN :from AND :to` (`timestamp` is a reserved word, hence `#ts`).
  func rangeQuery(_ userId: String, _ range: EntryRange) -> QueryInput {
    QueryInput(
      tableName: tables.entries, keyConditionExpression: "userId = :u AND #ts BETWEEN :from AND :to",
      expressionAttributeNames: ["#ts": "timestamp"],
      expressionAttributeValues: [
        ":u": .s(userId), ":from": .s(EntrySortKey.lowerBound(range.from)),
        ":to": .s(EntrySortKey.upperBound(range.to)),
      ])
  }
}
