/// One page of a user's goals, in goal id order.
package struct GoalPage: Sendable, Codable, Equatable {
  package var goals: [Goal]
  /// Pass back as `cursor` for the next page; nil on the last page.
  package var nextCursor: String?

  /// Creates a page.
  package init(goals: [Goal], nextCursor: String?) {
    self.goals = goals
    self.nextCursor = nextCursor
  }
}
