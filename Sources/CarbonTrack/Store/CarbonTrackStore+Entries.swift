import DynamoDB

extension CarbonTrackStore {
  /// Stores a new entry and adds it to the user's statistics in one transaction; `notFound` if the user is absent.
  ///
  /// `ADD` makes concurrent writers safe; a `ClientRequestToken` makes the client's own retries idempotent; a
  /// sort-key collision (same millisecond and suffix) is retried with a fresh suffix.
  public func addEntry(_ entry: CarbonEntry, now: Timestamp = .now()) async throws -> CarbonEntry {
    var entry = entry
    for attempt in 1...Self.maxOptimisticAttempts {
      let statistics = statisticsUpdate(
        userId: entry.userId, deltas: [entry.category: Int128(Kilograms.micro(entry.kgCO2e))], countDelta: 1,
        lastEntryAt: now)
      let put = TransactWriteItem.put(
        tableName: tables.entries, item: try encoder.encode(entry), conditionExpression: "attribute_not_exists(userId)")
      do {
        _ = try await client.transactWriteItems(
          TransactWriteItemsInput(transactItems: [put, statistics], clientRequestToken: requestToken()))
        return entry
      } catch let error as DynamoDBError {
        let codes = error.cancellationCodes
        if codes.count == 2, codes[1] == "ConditionalCheckFailed" {
          throw try await statisticsRefused(entry.userId)
        }
        if codes.first == "ConditionalCheckFailed" {
          let key = EntrySortKey(time: entry.occurredAt)
          entry.timestamp = key.description
        } else if error.isTransactionConflict, attempt < Self.maxOptimisticAttempts {
          try await backoff(attempt: attempt)
        } else {
          throw error
        }
      }
    }
    throw CarbonTrackError.conflict("Could not store the entry after \(Self.maxOptimisticAttempts) attempts.")
  }

  /// Reads one entry; `notFound` if absent.
  public func getEntry(_ userId: String, timestamp: String, consistent: Bool = true) async throws -> CarbonEntry {
    let output = try await client.getItem(
      GetItemInput(tableName: tables.entries, key: entryKey(userId, timestamp), consistentRead: consistent))
    guard let item = output.item else {
      throw CarbonTrackError.notFound("Entry \(timestamp) of user \(userId) does not exist.")
    }
    return try decoder.decode(CarbonEntry.self, from: item)
  }

  /// Updates an entry and moves its amount between the statistics in one transaction.
  public func updateEntry(_ userId: String, timestamp: String, _ update: EntryUpdate, now: Timestamp = .now())
    async throws -> CarbonEntry
  {
    try await optimistically(userId: userId, timestamp: timestamp, expectedVersion: update.expectedVersion) {
      current in
      let updated = update.applied(to: current, now: now)
      var deltas: [EntryCategory: Int128] = [current.category: -Int128(Kilograms.micro(current.kgCO2e))]
      deltas[updated.category, default: 0] += Int128(Kilograms.micro(updated.kgCO2e))
      let put = TransactWriteItem.put(
        tableName: tables.entries, item: try encoder.encode(updated), conditionExpression: "#version = :v",
        expressionAttributeNames: ["#version": "version"], expressionAttributeValues: [":v": .number(current.version)])
      let statistics = statisticsUpdate(userId: userId, deltas: deltas, countDelta: 0, lastEntryAt: nil)
      return ([put, statistics], updated)
    }
  }

  /// Deletes an entry and subtracts it from the statistics in one transaction; `notFound` if absent.
  public func deleteEntry(_ userId: String, timestamp: String, expectedVersion: Int? = nil) async throws {
    _ = try await optimistically(userId: userId, timestamp: timestamp, expectedVersion: expectedVersion) { current in
      let delete = TransactWriteItem.delete(
        tableName: tables.entries, key: entryKey(userId, timestamp), conditionExpression: "#version = :v",
        expressionAttributeNames: ["#version": "version"], expressionAttributeValues: [":v": .number(current.version)])
      let statistics = statisticsUpdate(
        userId: userId, deltas: [current.category: -Int128(Kilograms.micro(current.kgCO2e))], countDelta: -1,
        lastEntryAt: nil)
      return ([delete, statistics], current)
    }
  }

  /// Read the entry, build a transaction conditioned on the version read, and retry if another writer won.
  private func optimistically(
    userId: String, timestamp: String, expectedVersion: Int?,
    _ makeTransaction: (CarbonEntry) throws -> ([TransactWriteItem], CarbonEntry)
  ) async throws -> CarbonEntry {
    for attempt in 1...Self.maxOptimisticAttempts {
      let current = try await getEntry(userId, timestamp: timestamp)
      if let expectedVersion, expectedVersion != current.version {
        throw CarbonTrackError.conflict("Entry \(timestamp) is at version \(current.version), not \(expectedVersion).")
      }
      let (items, result) = try makeTransaction(current)
      do {
        _ = try await client.transactWriteItems(
          TransactWriteItemsInput(transactItems: items, clientRequestToken: requestToken()))
        return result
      } catch let error as DynamoDBError where error.isConditionalCheckFailed || error.isTransactionConflict {
        if error.cancellationCodes.count == 2, error.cancellationCodes[1] == "ConditionalCheckFailed" {
          throw try await statisticsRefused(userId)
        }
        if attempt == Self.maxOptimisticAttempts { break }
        try await backoff(attempt: attempt)
      }
    }
    throw CarbonTrackError.conflict("Entry \(timestamp) kept changing; re-read and retry.")
  }

  /// The `Update` on the user item that adds `deltas` (micro-kg per category) and `countDelta` entries.
  ///
  /// It requires the user to exist and, when the total grows, to stay within `Kilograms.maximumTotal`; DynamoDB
  /// checks that atomically with the `ADD`, so concurrent writers cannot together pass the cap.
  func statisticsUpdate(
    userId: String, deltas: [EntryCategory: Int128], countDelta: Int, lastEntryAt: Timestamp?
  ) -> TransactWriteItem {
    let total = deltas.values.reduce(0, +)
    var condition = "attribute_exists(userId)"
    var adds = ["totalKgCO2e :total", "entryCount :count"]
    var names: [String: String] = [:]
    var values: Item = [":total": .n(Kilograms.decimalString(micro: total)), ":count": .number(countDelta)]
    for (index, (category, delta)) in deltas.sorted(by: { $0.key.rawValue < $1.key.rawValue }).enumerated()
    where delta != 0 {
      adds.append("#c\(index) :c\(index)")
      names["#c\(index)"] = UserRecord.categoryAttribute(category)
      values[":c\(index)"] = .n(Kilograms.decimalString(micro: delta))
    }
    if total > 0 {
      condition += " AND (attribute_not_exists(totalKgCO2e) OR totalKgCO2e <= :room)"
      values[":room"] = .n(Kilograms.decimalString(micro: Int128(Kilograms.micro(Kilograms.maximumTotal)) - total))
    }
    var expression = "ADD " + adds.joined(separator: ", ")
    if let lastEntryAt {
      expression += " SET lastEntryAt = :last"
      values[":last"] = .s(lastEntryAt.iso8601)
    }
    return .update(
      tableName: tables.users, key: userKey(userId), updateExpression: expression,
      conditionExpression: condition, expressionAttributeNames: names.isEmpty ? nil : names,
      expressionAttributeValues: values)
  }

  /// Why the statistics update was refused: the user is missing, or the write would pass the total's cap.
  func statisticsRefused(_ userId: String) async throws -> CarbonTrackError {
    do {
      _ = try await getUser(userId)
    } catch let error as CarbonTrackError {
      return error
    }
    return .invalid(
      "kgCO2e",
      "would take the user's total over \(Kilograms.decimalString(Kilograms.maximumTotal)) kg, the most one user's "
        + "statistics may hold")
  }
}
