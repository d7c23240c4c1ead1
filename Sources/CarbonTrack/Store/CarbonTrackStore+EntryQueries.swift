import DynamoDB

extension CarbonTrackStore {
  /// Up to `limit` entries in `range`, newest first, continuing after `cursor` (a sort key) when given.
  public func entries(
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
    return EntryPage(entries: entries, nextCursor: next.map { EntryCursor.encode(after: $0, userId: userId) })
  }

  /// The latest `limit` entries, newest first.
  public func latestEntries(_ userId: String, limit: Int, consistent: Bool = true) async throws -> [CarbonEntry] {
    try await entries(userId, limit: limit, consistent: consistent).entries
  }

  /// `(category, occurredAt, micro-kg)` of every entry in `range`, reading all pages of a projected query.
  func amounts(_ userId: String, in range: EntryRange, consistent: Bool = true) async throws -> [EntryAmount] {
    var input = rangeQuery(userId, range)
    input.projectionExpression = "#ts, #category, kgCO2e"
    input.expressionAttributeNames?["#category"] = "category"
    input.consistentRead = consistent
    var amounts: [EntryAmount] = []
    for try await page in client.queryPaginator(input) {
      for item in page.items {
        amounts.append(try decoder.decode(EntryAmount.self, from: item))
      }
    }
    return amounts
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

/// The fields of an entry that analytics need.
struct EntryAmount: Decodable {
  var timestamp: String
  var category: EntryCategory
  var kgCO2e: Double

  var micro: Int64 { Kilograms.micro(kgCO2e) }
  var day: CivilDate? { EntrySortKey(timestamp)?.time.day }
}
