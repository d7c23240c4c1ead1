/// Totals over a range, grouped by category or by day/week/month.
public struct AnalyticsReport: Sendable, Codable, Equatable {
  /// One group's total.
  public struct Group: Sendable, Codable, Equatable {
    public var key: String
    public var kgCO2e: Double
    public var entryCount: Int
  }

  public var from: Timestamp
  public var to: Timestamp
  public var groupBy: AnalyticsGrouping
  public var totalKgCO2e: Double
  public var entryCount: Int
  /// Sorted by key; groups without entries are omitted.
  public var groups: [Group]
}

extension CarbonTrackStore {
  /// Sums the entries in `range` exactly (integer micro-kg), grouped as asked.
  public func analytics(_ userId: String, in range: EntryRange, groupBy: AnalyticsGrouping) async throws
    -> AnalyticsReport
  {
    var sums: [String: (micro: Int128, count: Int)] = [:]
    var total: Int128 = 0
    let amounts = try await amounts(userId, in: range)
    for amount in amounts {
      guard let day = amount.day else { continue }
      let key = groupBy.key(category: amount.category, day: day)
      sums[key, default: (0, 0)].micro += Int128(amount.micro)
      sums[key, default: (0, 0)].count += 1
      total += Int128(amount.micro)
    }
    let groups = sums.sorted { $0.key < $1.key }.map {
      AnalyticsReport.Group(key: $0.key, kgCO2e: Kilograms.kilograms(micro: $0.value.micro), entryCount: $0.value.count)
    }
    return AnalyticsReport(
      from: range.from, to: range.to, groupBy: groupBy, totalKgCO2e: Kilograms.kilograms(micro: total),
      entryCount: amounts.count, groups: groups)
  }
}
