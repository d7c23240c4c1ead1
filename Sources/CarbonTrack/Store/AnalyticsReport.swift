/// Totals over a range, grouped by category or by day/week/month.
package struct AnalyticsReport: Sendable, Codable, Equatable {
  /// One group's total.
  package struct Group: Sendable, Codable, Equatable {
    package var key: String
    package var kgCO2e: Double
    package var entryCount: Int
  }

  package var from: Timestamp
  package var to: Timestamp
  package var groupBy: AnalyticsGrouping
  package var totalKgCO2e: Double
  package var entryCount: Int
  /// Sorted by key; groups without entries are omitted.
  package var groups: [Group]
}

extension CarbonTrackStore {
  /// Sums the entries of the whole UTC days `range` touches exactly (integer micro-kg), grouped as asked.
  ///
  /// Whole days, because the totals are kept per day (`MonthTotals`): the report's `from` and `to` say which
  /// instants were counted.
  package func analytics(_ userId: String, in range: EntryRange, groupBy: AnalyticsGrouping) async throws
    -> AnalyticsReport
  {
    var sums: [String: (micro: Int128, count: Int)] = [:]
    var total: Int128 = 0
    var count = 0
    let byCategory = groupBy == .category
    for day in try await dayTotals(userId, from: range.from.day, to: range.to.day, byCategory: byCategory) {
      let key = groupBy.key(category: day.category, day: day.day)
      sums[key, default: (0, 0)].micro += day.micro
      sums[key, default: (0, 0)].count += day.count
      total += day.micro
      count += day.count
    }
    let groups = sums.sorted { $0.key < $1.key }.map {
      AnalyticsReport.Group(key: $0.key, kgCO2e: Kilograms.kilograms(micro: $0.value.micro), entryCount: $0.value.count)
    }
    return AnalyticsReport(
      from: Timestamp(startOf: range.from.day), to: Timestamp(endOf: range.to.day), groupBy: groupBy,
      totalKgCO2e: Kilograms.kilograms(micro: total), entryCount: count, groups: groups)
  }
}
