/// Body of `PUT /users/{userId}/goals/{goalId}` and the `updateGoal` action.
package struct UpdateGoalRequest: Sendable, Codable {
  package var title: String?
  package var targetKgCO2e: Double?
  package var baselineKgCO2e: Double?
  package var periodStart: String?
  package var periodEnd: String?
  package var status: String?
  package var expectedVersion: Int?

  /// Creates a request.
  package init(
    title: String? = nil, targetKgCO2e: Double? = nil, baselineKgCO2e: Double? = nil, periodStart: String? = nil,
    periodEnd: String? = nil, status: String? = nil, expectedVersion: Int? = nil
  ) {
    self.title = title
    self.targetKgCO2e = targetKgCO2e
    self.baselineKgCO2e = baselineKgCO2e
    self.periodStart = periodStart
    self.periodEnd = periodEnd
    self.status = status
    self.expectedVersion = expectedVersion
  }

  /// `goal` with this update applied (version bumped), or every field error.
  package func applied(to goal: Goal, now: Timestamp) throws(CarbonTrackError) -> Goal {
    var validator = FieldValidator()
    let title = validator.text(title, "title", maxLength: 200, required: false)
    let target = validator.amount(targetKgCO2e, "targetKgCO2e", in: 0...Kilograms.maximum, required: false)
    let baseline = validator.amount(baselineKgCO2e, "baselineKgCO2e", in: 0...Kilograms.maximum, required: false)
    let start = validator.date(periodStart, "periodStart", required: false)
    let end = validator.date(periodEnd, "periodEnd", required: false)
    let status = validator.oneOf(status, "status", as: GoalStatus.self, required: false)
    validator.check(
      [self.title, periodStart, periodEnd, self.status].contains { $0 != nil } || targetKgCO2e != nil
        || baselineKgCO2e != nil, "body",
      "must set at least one of title, targetKgCO2e, baselineKgCO2e, periodStart, periodEnd, status")
    if let expectedVersion {
      validator.check(expectedVersion >= 1, "expectedVersion", "must be at least 1")
    }
    try validator.finish()
    var result = goal
    result.title = title ?? goal.title
    result.targetKgCO2e = target ?? goal.targetKgCO2e
    result.baselineKgCO2e = baseline ?? goal.baselineKgCO2e
    result.periodStart = start?.iso8601 ?? goal.periodStart
    result.periodEnd = end?.iso8601 ?? goal.periodEnd
    result.status = status ?? goal.status
    result.updatedAt = now
    // Wrapping, not trapping (see EntryUpdate.applied).
    result.version = goal.version &+ 1
    result.progress = nil
    try result.validateConsistency()
    return result
  }
}
