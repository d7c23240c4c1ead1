import DynamoDB
import SharedSupport

extension CarbonTrackStore {
  /// The rules an entry write can newly satisfy: it adds a count, a day and a month's emissions. A goal is met by
  /// its period ending, never by an entry (an entry only adds emissions), so `goalMet` is left to explicit
  /// evaluations.
  package static let rulesAnEntryCanMeet: [AchievementRule] = [.firstEntry, .sevenDayStreak, .monthlyReduction]

  /// Awards `rule` to the user unless already earned; returns whether it was newly awarded.
  @discardableResult
  package func award(_ rule: AchievementRule, to userId: String, now: Timestamp = .now()) async throws -> Bool {
    try await evaluateAchievements(userId, now: now, rules: [rule], alreadyMet: [rule]).awarded?.isEmpty == false
  }

  /// The user's achievements, oldest first.
  package func achievements(_ userId: String, consistent: Bool = true) async throws -> [Achievement] {
    let input = QueryInput(
      tableName: tables.achievements, keyConditionExpression: "userId = :u",
      expressionAttributeValues: [":u": .s(userId)], consistentRead: consistent)
    return try await client.queryPaginator(input, maxPages: nil).items()
      .map { try decoder.decode(Achievement.self, from: $0) }
      .sorted { ($0.earnedAt, $0.achievementId) < ($1.earnedAt, $1.achievementId) }
  }

  /// Checks `rules` and awards those now met, all in one transaction with the receipt (if any), which also checks
  /// that the user exists and is not being deleted; returns every achievement the user has and the new ones.
  ///
  /// Each rule reads day totals (`MonthTotals`), goals (bounded by `maximumGoals`) or the user item, never the
  /// entries, so the cost does not grow with the user's history.
  package func evaluateAchievements(
    _ userId: String, now: Timestamp = .now(), rules: [AchievementRule] = AchievementRule.allCases,
    receipt: WriteReceipt? = nil
  ) async throws -> AchievementList {
    try await evaluateAchievements(userId, now: now, rules: rules, alreadyMet: [], receipt: receipt)
  }

  private func evaluateAchievements(
    _ userId: String, now: Timestamp, rules: [AchievementRule], alreadyMet: Set<AchievementRule>,
    receipt: WriteReceipt? = nil
  ) async throws -> AchievementList {
    for attempt in 1...Self.maxOptimisticAttempts {
      let user = try await getUser(userId)
      let earned = try await achievements(userId)
      let earnedIds = Set(earned.map(\.achievementId))
      var met: [AchievementRule] = []
      var days: [MonthTotals.DayTotal]?
      for rule in rules where !earnedIds.contains(rule.rawValue) {
        if alreadyMet.contains(rule) {
          met.append(rule)
          continue
        }
        if rule == .sevenDayStreak || rule == .monthlyReduction, days == nil {
          days = try await ruleDayTotals(userId, now: now)
        }
        if try await isMet(rule, user: user, now: now, days: days ?? []) { met.append(rule) }
      }
      let new = met.map { Achievement(userId: userId, rule: $0, earnedAt: now) }
      let result = AchievementList(
        achievements: (earned + new).sorted { ($0.earnedAt, $0.achievementId) < ($1.earnedAt, $1.achievementId) },
        awarded: met.map(\.rawValue))
      guard !new.isEmpty || receipt != nil else { return result }
      let token = writeToken()
      var items = [
        TransactWriteItem.conditionCheck(
          tableName: tables.users, key: userKey(userId),
          conditionExpression: "attribute_exists(userId) AND attribute_not_exists(deleting)")
      ]
      for achievement in new {
        items.append(
          .put(
            tableName: tables.achievements, item: try item(achievement, token: token),
            conditionExpression: "attribute_not_exists(userId)"))
      }
      do {
        try await commit(
          items, token: token, userId: userId,
          written: new.first.map {
            (tables.achievements, ["userId": .s(userId), "achievementId": .s($0.achievementId)])
          },
          receipt: receipt, result: result)
        return result
      } catch WriteRefusal.item where attempt < Self.maxOptimisticAttempts {
        // Another evaluation awarded one of these first: evaluate again against what is now earned.
        continue
      }
    }
    throw CarbonTrackError.conflict("Achievements kept changing while they were evaluated; retry.")
  }

  private func isMet(_ rule: AchievementRule, user: UserProfile, now: Timestamp, days: [MonthTotals.DayTotal])
    async throws -> Bool
  {
    switch rule {
    case .firstEntry:
      return user.statistics.entryCount > 0
    case .sevenDayStreak:
      return Self.hasSevenDayStreak(days, now: now)
    case .goalMet:
      return try await listGoals(user.userId, now: now).goals.contains {
        $0.status != .archived && $0.progress?.state == .met
      }
    case .monthlyReduction:
      return Self.reducedLastMonth(days, now: now)
    }
  }

  /// The day totals both day-based rules read, in one query rather than one each: the streak's last 60 days and
  /// the two whole months before this one that the reduction compares.
  private func ruleDayTotals(_ userId: String, now: Timestamp) async throws -> [MonthTotals.DayTotal] {
    let first = min(Self.streakWindowStart(now), now.day.firstOfPreviousMonth.firstOfPreviousMonth)
    return try await dayTotals(userId, from: first, to: now.day)
  }

  private static func streakWindowStart(_ now: Timestamp) -> CivilDay {
    CivilDay(daysSinceEpoch: now.day.daysSinceEpoch - 59)
  }

  /// Whether the user logged entries on 7 consecutive UTC days within the last 60 days.
  private static func hasSevenDayStreak(_ totals: [MonthTotals.DayTotal], now: Timestamp) -> Bool {
    let window = streakWindowStart(now)...now.day
    let days = Set(totals.filter { window.contains($0.day) }.map(\.day.daysSinceEpoch))
    return days.contains { day in (1..<7).allSatisfy { days.contains(day + Int64($0)) } }
  }

  /// Whether last month's emissions were at least 10% below the month before's (which must be non-zero).
  private static func reducedLastMonth(_ totals: [MonthTotals.DayTotal], now: Timestamp) -> Bool {
    let lastMonth = now.day.firstOfPreviousMonth
    let monthBefore = lastMonth.firstOfPreviousMonth
    let thisMonth = now.day.firstOfMonth
    let previous = totals.filter { $0.day >= monthBefore && $0.day < lastMonth }.reduce(Int128(0)) { $0 + $1.micro }
    guard previous > 0 else { return false }
    let last = totals.filter { $0.day >= lastMonth && $0.day < thisMonth }.reduce(Int128(0)) { $0 + $1.micro }
    return last * 10 <= previous * 9
  }
}

/// `{"achievements": [...], "awarded": [...]?}`: every achievement of a user, and which an evaluation just added.
package struct AchievementList: Sendable, Codable, Equatable {
  package var achievements: [Achievement]
  package var awarded: [String]?
}
