/// One page of a user's goals, in goal id order.
public struct GoalPage: Sendable, Codable, Equatable {
  public var goals: [Goal]
  /// Pass back as `cursor` for the next page; nil on the last page.
  public var nextCursor: String?

  /// Creates a page.
  public init(goals: [Goal], nextCursor: String?) {
    self.goals = goals
    self.nextCursor = nextCursor
  }
}
