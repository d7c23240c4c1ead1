import SharedSupport

/// Body of `POST /users/{userId}/goals` and the `createGoal` action.
package struct CreateGoalRequest: Sendable, Codable {
  package var title: String?
  package var kind: String?
  package var targetKgCO2e: Double?
  package var baselineKgCO2e: Double?
  package var periodStart: String?
  package var periodEnd: String?

  /// Creates a request.
  package init(
    title: String?, kind: String?, targetKgCO2e: Double?, baselineKgCO2e: Double? = nil, periodStart: String?,
    periodEnd: String?
  ) {
    self.title = title
    self.kind = kind
    self.targetKgCO2e = targetKgCO2e
    self.baselineKgCO2e = baselineKgCO2e
    self.periodStart = periodStart
    self.periodEnd = periodEnd
  }

  /// The new goal, or every field error.
  package func validated(userId: String, goalId: String, now: Timestamp) throws(CarbonTrackError) -> Goal {
    var validator = FieldValidator()
    let title = validator.text(title, "title", maxLength: 200)
    let kind = validator.oneOf(kind ?? GoalKind.cap.rawValue, "kind", as: GoalKind.self)
    let target = validator.amount(targetKgCO2e, "targetKgCO2e", in: 0...Kilograms.maximum)
    let baseline = validator.amount(baselineKgCO2e, "baselineKgCO2e", in: 0...Kilograms.maximum, required: false)
    let start = validator.date(periodStart, "periodStart")
    let end = validator.date(periodEnd, "periodEnd")
    try validator.finish()
    guard let title, let kind, let target, let start, let end else { throw .invalid("body", "is incomplete") }
    let goal = Goal(
      userId: userId, goalId: goalId, title: title, kind: kind, targetKgCO2e: target, baselineKgCO2e: baseline,
      periodStart: start, periodEnd: end, createdAt: now)
    try goal.validateConsistency()
    return goal
  }
}

extension Goal {
  /// Checks the rules that span fields: period order, positive target, baseline for reductions.
  /// The longest goal period, in days: a year, leap day included. It bounds what computing progress reads.
  package static let maximumPeriodDays: Int64 = 366

  func validateConsistency() throws(CarbonTrackError) {
    var validator = FieldValidator()
    validator.check(periodStart <= periodEnd, "periodEnd", "must not be before periodStart")
    if let start = CivilDay(iso8601: periodStart), let end = CivilDay(iso8601: periodEnd) {
      validator.check(
        end.daysSinceEpoch - start.daysSinceEpoch < Self.maximumPeriodDays, "periodEnd",
        "must be at most \(Self.maximumPeriodDays) days after periodStart (a goal covers at most a year)")
    }
    validator.check(targetKgCO2e > 0, "targetKgCO2e", "must be greater than 0")
    if kind == .reduction {
      if let baselineKgCO2e {
        validator.check(baselineKgCO2e > targetKgCO2e, "baselineKgCO2e", "must be greater than targetKgCO2e")
      } else {
        validator.fail("baselineKgCO2e", "is required for reduction goals")
      }
    }
    try validator.finish()
  }
}
