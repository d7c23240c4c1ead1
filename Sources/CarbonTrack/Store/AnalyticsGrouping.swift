/// How analytics totals are grouped.
public enum AnalyticsGrouping: String, Sendable, Hashable, Codable, CaseIterable {
  case category, day, week, month

  /// The group key of an entry: category name, `YYYY-MM-DD`, `YYYY-Www` or `YYYY-MM`.
  func key(category: EntryCategory, day: CivilDate) -> String {
    switch self {
    case .category: return category.rawValue
    case .day: return day.iso8601
    case .week: return day.isoWeekKey
    case .month: return day.monthKey
    }
  }
}
