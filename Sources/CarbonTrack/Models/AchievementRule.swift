/// The rules that award achievements; the raw value is the achievement id.
package enum AchievementRule: String, Sendable, Hashable, Codable, CaseIterable {
  case firstEntry = "first-entry"
  case sevenDayStreak = "seven-day-streak"
  case goalMet = "goal-met"
  case monthlyReduction = "monthly-reduction-10"

  package var name: String {
    switch self {
    case .firstEntry: return "First Step"
    case .sevenDayStreak: return "Week Streak"
    case .goalMet: return "Goal Getter"
    case .monthlyReduction: return "Trend Setter"
    }
  }

  /// What earns it.
  package var criteria: String {
    switch self {
    case .firstEntry: return "Log your first carbon entry."
    case .sevenDayStreak: return "Log at least one entry on each of 7 consecutive UTC days."
    case .goalMet: return "Finish a goal's period within its allowance."
    case .monthlyReduction: return "Emit at least 10% less in a calendar month than in the month before."
    }
  }
}
