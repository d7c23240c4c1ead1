/// A badge a user earned. `achievementId` is the rule's id, so each badge exists at most once per user.
public struct Achievement: Sendable, Hashable, Codable {
  public var userId: String
  public var achievementId: String
  public var name: String
  public var criteria: String
  public var earnedAt: Timestamp

  /// Creates an achievement earned from `rule` at `earnedAt`.
  public init(userId: String, rule: AchievementRule, earnedAt: Timestamp) {
    self.userId = userId
    self.achievementId = rule.rawValue
    self.name = rule.name
    self.criteria = rule.criteria
    self.earnedAt = earnedAt
  }
}
