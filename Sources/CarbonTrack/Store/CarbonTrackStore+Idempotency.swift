import DynamoDB

extension CarbonTrackStore {
  /// The unexpired record stored for `keyHash`, if any.
  func idempotencyRecord(userId: String, keyHash: String, now: Timestamp) async throws -> IdempotencyRecord? {
    let key = entryKey(userId, IdempotencyRecord.sortKeyPrefix + keyHash)
    let output = try await client.getItem(GetItemInput(tableName: tables.entries, key: key, consistentRead: true))
    guard let record = output.item.flatMap(IdempotencyRecord.init(item:)),
      record.expiresAt > now.millisecondsSinceEpoch / 1000
    else { return nil }
    return record
  }

  /// The `Put` of `record` for a write's transaction: only if no unexpired record has its key. The write it rides
  /// with checks the user item, so a record cannot appear behind an erasure's sweep either.
  func idempotencyReceipt(_ record: IdempotencyRecord, now: Timestamp) -> TransactWriteItem {
    .put(
      tableName: tables.entries, item: record.item,
      conditionExpression: "attribute_not_exists(userId) OR expiresAt < :now",
      expressionAttributeValues: [":now": .number(now.millisecondsSinceEpoch / 1000)])
  }

  /// Stores `record` on its own (for writes that are not one transaction); a record already there wins.
  func putIdempotencyRecord(_ record: IdempotencyRecord, now: Timestamp) async throws {
    do {
      _ = try await client.putItem(
        PutItemInput(
          tableName: tables.entries, item: record.item,
          conditionExpression: "attribute_not_exists(userId) OR expiresAt < :now",
          expressionAttributeValues: [":now": .number(now.millisecondsSinceEpoch / 1000)]))
    } catch let error as DynamoDBError where error.isConditionalCheckFailed {
      return
    }
  }
}
