import SharedSupport

/// How analytics totals are grouped.
package enum AnalyticsGrouping: String, Sendable, Hashable, Codable, CaseIterable {
  case category, day, week, month

  /// The group key of a day's total: category name, `YYYY-MM-DD`, `YYYY-Www` or `YYYY-MM` (a total over all
  /// categories has no category, and only the time groupings read it).
  func key(category: EntryCategory?, day: CivilDay) -> String {
    switch self {
    case .category: return category?.rawValue ?? "all"
    case .day: return day.iso8601
    case .week: return day.isoWeekKey
    case .month: return day.monthKey
    }
  }
}
