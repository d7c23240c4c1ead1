/// Every data operation, reachable both as an API route and as a direct action of the same name.
package enum DataOperation: String, Sendable, Hashable, CaseIterable {
  case createUser, getUser, updateUser, deleteUser
  case createEntry, listEntries, getEntry, updateEntry, deleteEntry
  case createGoal, listGoals, getGoal, updateGoal, deleteGoal
  case listAchievements, evaluateAchievements, getAnalytics

  /// Whether the operation changes data (and so may carry an idempotency key).
  var isWrite: Bool {
    switch self {
    case .createUser, .updateUser, .deleteUser, .createEntry, .updateEntry, .deleteEntry, .createGoal, .updateGoal,
      .deleteGoal, .evaluateAchievements:
      return true
    case .getUser, .listEntries, .getEntry, .listGoals, .getGoal, .listAchievements, .getAnalytics:
      return false
    }
  }

  /// Which path parameter after the user id identifies the resource, if any.
  var resourceField: String? {
    switch self {
    case .getEntry, .updateEntry, .deleteEntry: return "timestamp"
    case .getGoal, .updateGoal, .deleteGoal: return "goalId"
    default: return nil
    }
  }
}
