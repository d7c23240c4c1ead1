import SharedSupport

/// Whether a goal caps emissions or asks for a reduction against a baseline.
package enum GoalKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Emit at most `targetKgCO2e` during the period.
  case cap
  /// Emit at least `targetKgCO2e` less than `baselineKgCO2e` during the period.
  case reduction
}

/// The user-controlled state of a goal.
package enum GoalStatus: String, Sendable, Hashable, Codable, CaseIterable {
  case active, paused, archived
}

/// A user's emissions goal over a period of whole UTC days.
package struct Goal: Sendable, Hashable, Codable {
  package var userId: String
  package var goalId: String
  package var title: String
  package var kind: GoalKind
  package var targetKgCO2e: Double
  /// Required for `reduction` goals: the emissions the reduction is measured against.
  package var baselineKgCO2e: Double?
  /// First day of the period, `YYYY-MM-DD`.
  package var periodStart: String
  /// Last day of the period (inclusive), `YYYY-MM-DD`.
  package var periodEnd: String
  package var status: GoalStatus
  package var createdAt: Timestamp
  package var updatedAt: Timestamp
  package var version: Int
  /// Computed from entries when read; never stored.
  package var progress: GoalProgress?

  /// Creates a goal.
  package init(
    userId: String, goalId: String, title: String, kind: GoalKind, targetKgCO2e: Double, baselineKgCO2e: Double?,
    periodStart: CivilDay, periodEnd: CivilDay, status: GoalStatus = .active, createdAt: Timestamp,
    updatedAt: Timestamp? = nil, version: Int = 1
  ) {
    self.userId = userId
    self.goalId = goalId
    self.title = title
    self.kind = kind
    self.targetKgCO2e = targetKgCO2e
    self.baselineKgCO2e = baselineKgCO2e
    self.periodStart = periodStart.iso8601
    self.periodEnd = periodEnd.iso8601
    self.status = status
    self.createdAt = createdAt
    self.updatedAt = updatedAt ?? createdAt
    self.version = version
  }

  /// The most the user may emit in the period and still meet the goal.
  package var allowanceKgCO2e: Double {
    switch kind {
    case .cap: return targetKgCO2e
    case .reduction: return max(0, (baselineKgCO2e ?? 0) - targetKgCO2e)
    }
  }

  /// The period as instants: first millisecond of `periodStart` to last millisecond of `periodEnd`.
  package var periodRange: ClosedRange<Timestamp>? {
    guard let start = Timestamp(iso8601: periodStart), let end = Timestamp(iso8601: periodEnd), start <= end else {
      return nil
    }
    return start...Timestamp(endOf: end.day)
  }
}
