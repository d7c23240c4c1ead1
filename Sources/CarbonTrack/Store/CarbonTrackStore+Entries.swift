import DynamoDB

extension CarbonTrackStore {
  /// Stores a new entry, adds it to the user's statistics and to its month's day totals in one transaction;
  /// `notFound` if the user is absent.
  ///
  /// `ADD` makes concurrent writers safe. A repeated attempt after an answer was lost (the client's own retry)
  /// is recognised by the write token it left on the user item and answers as the first did. A sort-key collision
  /// (same millisecond and suffix) is retried with a fresh suffix.
  package func addEntry(_ entry: CarbonEntry, now: Timestamp = .now(), receipt: WriteReceipt? = nil) async throws
    -> CarbonEntry
  {
    var entry = entry
    for attempt in 1...Self.maxOptimisticAttempts {
      let token = writeToken()
      let micro = Int128(Kilograms.micro(entry.kgCO2e))
      let items = [
        TransactWriteItem.put(
          tableName: tables.entries, item: try item(entry, token: token),
          conditionExpression: "attribute_not_exists(userId)"),
        statisticsUpdate(
          userId: entry.userId, deltas: [entry.category: micro], countDelta: 1, lastEntryAt: now, token: token),
        MonthTotals.update(
          table: tables.entries, userId: entry.userId, day: entry.occurredAt.day, changes: [entry.category: (micro, 1)]),
      ]
      do {
        try await commit(
          items, token: token, userId: entry.userId, written: (tables.entries, entryKey(entry.userId, entry.timestamp)),
          receipt: receipt,
          result: entry)
        return entry
      } catch WriteRefusal.item(0) {
        entry.timestamp = EntrySortKey(time: entry.occurredAt).description
      } catch let error as DynamoDBError where error.isTransactionConflict && attempt < Self.maxOptimisticAttempts {
        try await backoff(attempt)
      }
    }
    throw CarbonTrackError.conflict("Could not store the entry after \(Self.maxOptimisticAttempts) attempts.")
  }

  /// Reads one entry; `notFound` if absent.
  package func getEntry(_ userId: String, timestamp: String, consistent: Bool = true) async throws -> CarbonEntry {
    let output = try await client.getItem(
      GetItemInput(tableName: tables.entries, key: entryKey(userId, timestamp), consistentRead: consistent))
    guard let item = output.item else {
      throw CarbonTrackError.notFound("Entry \(timestamp) of user \(userId) does not exist.")
    }
    return try decoder.decode(CarbonEntry.self, from: item)
  }

  /// Updates an entry and moves its amount between the statistics and day totals in one transaction.
  package func updateEntry(
    _ userId: String, timestamp: String, _ update: EntryUpdate, now: Timestamp = .now(), receipt: WriteReceipt? = nil
  ) async throws -> CarbonEntry {
    try await optimistically(
      userId: userId, timestamp: timestamp, expectedVersion: update.expectedVersion, receipt: receipt
    ) { current, token in
      let updated = update.applied(to: current, now: now)
      // The entry keeps its day; its amount may move to another category.
      var changes: [EntryCategory: (micro: Int128, count: Int)] = [
        current.category: (-Int128(Kilograms.micro(current.kgCO2e)), -1)
      ]
      changes[updated.category, default: (0, 0)].micro += Int128(Kilograms.micro(updated.kgCO2e))
      changes[updated.category, default: (0, 0)].count += 1
      let deltas = changes.mapValues(\.micro)
      let items = [
        TransactWriteItem.put(
          tableName: tables.entries, item: try item(updated, token: token), conditionExpression: "#version = :v",
          expressionAttributeNames: ["#version": "version"], expressionAttributeValues: [":v": .number(current.version)]
        ),
        statisticsUpdate(userId: userId, deltas: deltas, countDelta: 0, lastEntryAt: nil, token: token),
        MonthTotals.update(table: tables.entries, userId: userId, day: current.occurredAt.day, changes: changes),
      ]
      return (items, updated)
    }
  }

  /// Deletes an entry and subtracts it from the statistics and day totals in one transaction; `notFound` if absent.
  package func deleteEntry(
    _ userId: String, timestamp: String, expectedVersion: Int? = nil, receipt: WriteReceipt? = nil
  ) async throws {
    _ = try await optimistically(
      userId: userId, timestamp: timestamp, expectedVersion: expectedVersion, receipt: receipt
    ) { current, token in
      let micro = -Int128(Kilograms.micro(current.kgCO2e))
      let items = [
        TransactWriteItem.delete(
          tableName: tables.entries, key: entryKey(userId, timestamp), conditionExpression: "#version = :v",
          expressionAttributeNames: ["#version": "version"], expressionAttributeValues: [":v": .number(current.version)]
        ),
        statisticsUpdate(
          userId: userId, deltas: [current.category: micro], countDelta: -1, lastEntryAt: nil, token: token),
        MonthTotals.update(
          table: tables.entries, userId: userId, day: current.occurredAt.day, changes: [current.category: (micro, -1)]),
      ]
      return (items, current)
    }
  }

  /// Read the entry, build a transaction conditioned on the version read, and retry if another writer won.
  private func optimistically(
    userId: String, timestamp: String, expectedVersion: Int?, receipt: WriteReceipt?,
    _ makeTransaction: (CarbonEntry, String) throws -> ([TransactWriteItem], CarbonEntry)
  ) async throws -> CarbonEntry {
    for attempt in 1...Self.maxOptimisticAttempts {
      let current = try await getEntry(userId, timestamp: timestamp)
      if let expectedVersion, expectedVersion != current.version {
        throw CarbonTrackError.conflict("Entry \(timestamp) is at version \(current.version), not \(expectedVersion).")
      }
      let token = writeToken()
      let (items, result) = try makeTransaction(current, token)
      do {
        try await commit(
          items, token: token, userId: userId, written: (tables.entries, entryKey(userId, timestamp)), receipt: receipt,
          result: result)
        return result
      } catch WriteRefusal.item(0) {
        // The entry changed (or went) since it was read: read it again.
        if attempt < Self.maxOptimisticAttempts { try await backoff(attempt) }
      } catch let error as DynamoDBError where error.isTransactionConflict && attempt < Self.maxOptimisticAttempts {
        try await backoff(attempt)
      }
    }
    throw CarbonTrackError.conflict("Entry \(timestamp) kept changing; re-read and retry.")
  }

  /// The `Update` on the user item that adds `deltas` (micro-kg per category) and `countDelta` entries.
  ///
  /// It requires the user to exist and, when the total grows, to stay within `Kilograms.maximumTotal`; DynamoDB
  /// checks that atomically with the `ADD`, so concurrent writers cannot together pass the cap.
  func statisticsUpdate(
    userId: String, deltas: [EntryCategory: Int128], countDelta: Int, lastEntryAt: Timestamp?, token: String
  ) -> TransactWriteItem {
    let total = deltas.values.reduce(0, +)
    var update = UserItemUpdate(token: token)
    update.add("totalKgCO2e", .n(Kilograms.decimalString(micro: total)))
    update.add("entryCount", .number(countDelta))
    for (category, delta) in deltas.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where delta != 0 {
      update.add(UserRecord.categoryAttribute(category), .n(Kilograms.decimalString(micro: delta)))
    }
    if total > 0 {
      update.require(
        "(attribute_not_exists(totalKgCO2e) OR totalKgCO2e <= :room)",
        values: [":room": .n(Kilograms.decimalString(micro: Int128(Kilograms.micro(Kilograms.maximumTotal)) - total))])
    }
    if let lastEntryAt { update.set("lastEntryAt", .s(lastEntryAt.iso8601)) }
    return update.item(table: tables.users, key: userKey(userId))
  }
}
