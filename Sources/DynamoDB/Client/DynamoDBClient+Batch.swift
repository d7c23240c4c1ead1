extension DynamoDBClient {
  /// Largest BatchWriteItem request.
  public static let maxBatchWrite = 25
  /// Largest BatchGetItem request.
  public static let maxBatchGet = 100
  /// How many times unprocessed batch entries are resubmitted when no deadline bounds the call.
  static let maxUnprocessedRounds = 12

  /// Writes any number of puts/deletes in groups of 25, resubmitting `UnprocessedItems` with full-jitter backoff
  /// until all are written or the deadline (`DynamoDBDeadline`) passes.
  public func batchWriteAll(_ requests: [String: [WriteRequest]]) async throws {
    let flat = requests.flatMap { table, writes in writes.map { (table, $0) } }
    for start in stride(from: 0, to: flat.count, by: Self.maxBatchWrite) {
      var pending = Self.group(flat[start..<min(start + Self.maxBatchWrite, flat.count)])
      var round = 0
      while !pending.isEmpty {
        if round > 0 { try await backoffBeforeResubmitting(round: round, unprocessed: pending.values.count) }
        pending = try await batchWriteItem(BatchWriteItemInput(requestItems: pending)).unprocessedItems
        round += 1
      }
    }
  }

  /// Reads any number of keys in groups of 100, resubmitting `UnprocessedKeys` with backoff; items per table.
  public func batchGetAll(
    _ tableName: String, keys: [Item], consistentRead: Bool? = nil, projectionExpression: String? = nil,
    expressionAttributeNames: [String: String]? = nil
  ) async throws -> [Item] {
    var items: [Item] = []
    for start in stride(from: 0, to: keys.count, by: Self.maxBatchGet) {
      let chunk = Array(keys[start..<min(start + Self.maxBatchGet, keys.count)])
      var pending: [String: KeysAndAttributes] = [
        tableName: KeysAndAttributes(
          keys: chunk, consistentRead: consistentRead, projectionExpression: projectionExpression,
          expressionAttributeNames: expressionAttributeNames)
      ]
      var round = 0
      while !pending.isEmpty {
        if round > 0 {
          try await backoffBeforeResubmitting(
            round: round, unprocessed: pending.values.reduce(0) { $0 + $1.keys.count })
        }
        let output = try await batchGetItem(BatchGetItemInput(requestItems: pending))
        items += output.responses[tableName] ?? []
        pending = output.unprocessedKeys.filter { !$0.value.keys.isEmpty }
        round += 1
      }
    }
    return items
  }

  private static func group(_ writes: ArraySlice<(String, WriteRequest)>) -> [String: [WriteRequest]] {
    var grouped: [String: [WriteRequest]] = [:]
    for (table, write) in writes { grouped[table, default: []].append(write) }
    return grouped
  }

  private func backoffBeforeResubmitting(round: Int, unprocessed: Int) async throws {
    let deadline = DynamoDBDeadline.current
    if deadline == nil, round > Self.maxUnprocessedRounds {
      throw DynamoDBError.incompleteBatch(unprocessed: unprocessed)
    }
    let delay = transport.retryPolicy.backoff(retry: min(round, 8))
    if let deadline, ContinuousClock.now.advanced(by: delay) >= deadline {
      throw DynamoDBError.incompleteBatch(unprocessed: unprocessed)
    }
    try await Task.sleep(for: delay)
  }
}
