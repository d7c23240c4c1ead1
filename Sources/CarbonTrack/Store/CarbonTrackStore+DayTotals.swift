import DynamoDB

extension CarbonTrackStore {
  /// The user's emissions per day and category from `first` to `last` (inclusive), read from the month items
  /// covering them (see `MonthTotals`): one query whose cost depends on the months spanned, not on the number of
  /// entries.
  func dayTotals(_ userId: String, from first: CivilDate, to last: CivilDate, consistent: Bool = true) async throws
    -> [MonthTotals.DayTotal]
  {
    guard first <= last else { return [] }
    let input = QueryInput(
      tableName: tables.entries, keyConditionExpression: "userId = :u AND #ts BETWEEN :first AND :last",
      expressionAttributeNames: ["#ts": "timestamp"],
      expressionAttributeValues: [
        ":u": .s(userId), ":first": .s(MonthTotals.sortKey(first)), ":last": .s(MonthTotals.sortKey(last)),
      ], consistentRead: consistent)
    var totals: [MonthTotals.DayTotal] = []
    for try await page in client.queryPaginator(input) {
      for item in page.items {
        totals += MonthTotals.totals(in: item).filter { $0.day >= first && $0.day <= last && $0.count != 0 }
      }
    }
    return totals
  }
}
