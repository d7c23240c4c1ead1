import DynamoDB
import SharedSupport

extension CarbonTrackStore {
  /// The user's emissions per day from `first` to `last` (inclusive): per day over all categories, or per day and
  /// category when `byCategory`. Read from the month items covering them (see `MonthTotals`) in one query whose
  /// cost depends on the months spanned, not on the number of entries; the per-day view projects only the days it
  /// needs.
  func dayTotals(
    _ userId: String, from first: CivilDay, to last: CivilDay, byCategory: Bool = false, consistent: Bool = true
  ) async throws -> [MonthTotals.DayTotal] {
    guard first <= last else { return [] }
    var input = QueryInput(
      tableName: tables.entries, keyConditionExpression: "userId = :u AND #ts BETWEEN :first AND :last",
      expressionAttributeNames: ["#ts": "timestamp"],
      expressionAttributeValues: [
        ":u": .s(userId), ":first": .s(MonthTotals.sortKey(first)), ":last": .s(MonthTotals.sortKey(last)),
      ], consistentRead: consistent)
    if !byCategory {
      let sameMonth = first.monthKey == last.monthKey
      input.projectionExpression = MonthTotals.dayTotalsProjection(days: sameMonth ? first.day...last.day : 1...31)
    }
    var totals: [MonthTotals.DayTotal] = []
    for try await page in client.queryPaginator(input, maxPages: nil) {
      for item in page.items {
        totals += MonthTotals.totals(in: item, byCategory: byCategory).filter {
          $0.day >= first && $0.day <= last && $0.count != 0
        }
      }
    }
    return totals
  }
}
