/// A badge a user earned. `achievementId` is the rule's id, so each badge exists at most once per user.
package struct Achievement: Sendable, Hashable, Codable {
  package var userId: String
  package var achievementId: String
  package var name: String
  package var criteria: String
  package var earnedAt: Timestamp

  /// Creates an achievement earned from `rule` at `earnedAt`.
  package init(userId: String, rule: AchievementRule, earnedAt: Timestamp) {
    self.userId = userId
    self.achievementId = rule.rawValue
    self.name = rule.name
    self.criteria = rule.criteria
    self.earnedAt = earnedAt
  }
}
