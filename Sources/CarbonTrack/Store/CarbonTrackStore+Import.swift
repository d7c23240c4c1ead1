import DynamoDB
import SharedSupport

extension CarbonTrackStore {
  /// Adds many entries of one existing user quickly: the entries in batch writes, then their sums added to the
  /// user's statistics and month totals, one update per month. The result is the state `addEntry` one by one
  /// would leave, but the steps are not one transaction: use it for seeding and imports, not beside live writes.
  package func importEntries(_ entries: [CarbonEntry], userId: String, now: Timestamp = .now()) async throws {
    _ = try await getUser(userId)
    var writer = BatchWriter(writeAll: client.batchWriteAll)
    var months: [String: (day: CivilDay, changes: [Int64: [EntryCategory: (micro: Int128, count: Int)]])] = [:]
    var statistics: [EntryCategory: Int128] = [:]
    for entry in entries where entry.userId == userId {
      try writer.put(try encoder.encode(entry), into: tables.entries)
      let day = entry.occurredAt.day
      let micro = Int128(Kilograms.micro(entry.kgCO2e))
      months[day.monthKey, default: (day, [:])].changes[day.day, default: [:]][entry.category, default: (0, 0)]
        .micro += micro
      months[day.monthKey, default: (day, [:])].changes[day.day, default: [:]][entry.category, default: (0, 0)]
        .count += 1
      statistics[entry.category, default: 0] += micro
    }
    try await writer.flush()
    for (_, month) in months {
      for (dayOfMonth, changes) in month.changes {
        guard let day = CivilDay(year: month.day.year, month: month.day.month, day: dayOfMonth) else { continue }
        let update = MonthTotals.update(table: tables.entries, userId: userId, day: day, changes: changes)
        _ = try await client.updateItem(
          UpdateItemInput(
            tableName: update.tableName, key: update.key ?? [:], updateExpression: update.updateExpression,
            expressionAttributeNames: update.expressionAttributeNames,
            expressionAttributeValues: update.expressionAttributeValues))
      }
    }
    let token = writeToken()
    var user = UserItemUpdate(token: token)
    user.add("totalKgCO2e", .n(Kilograms.decimalString(micro: statistics.values.reduce(0, +))))
    user.add("entryCount", .number(entries.filter { $0.userId == userId }.count))
    for (category, micro) in statistics {
      user.add(UserRecord.categoryAttribute(category), .n(Kilograms.decimalString(micro: micro)))
    }
    user.set("lastEntryAt", .s(now.iso8601))
    try await commit(
      [user.item(table: tables.users, key: userKey(userId))], token: token, userId: userId, result: userId)
  }
}
