import DynamoDB

extension CarbonTrackStore {
  /// Awards `rule` to the user unless already earned; returns whether it was newly awarded.
  @discardableResult
  public func award(_ rule: AchievementRule, to userId: String, now: Timestamp = .now()) async throws -> Bool {
    let achievement = Achievement(userId: userId, rule: rule, earnedAt: now)
    return try await putNew(try encoder.encode(achievement), into: tables.achievements)
  }

  /// The user's achievements, oldest first.
  public func achievements(_ userId: String, consistent: Bool = true) async throws -> [Achievement] {
    let input = QueryInput(
      tableName: tables.achievements, keyConditionExpression: "userId = :u",
      expressionAttributeValues: [":u": .s(userId)], consistentRead: consistent)
    return try await client.queryPaginator(input).items()
      .map { try decoder.decode(Achievement.self, from: $0) }
      .sorted { ($0.earnedAt, $0.achievementId) < ($1.earnedAt, $1.achievementId) }
  }

  /// Checks every rule and awards those now met; returns the newly earned achievements.
  public func evaluateAchievements(_ userId: String, now: Timestamp = .now()) async throws -> [AchievementRule] {
    let user = try await getUser(userId)
    // Rules already earned are not evaluated again: their queries are the expensive part.
    let earned = Set(try await achievements(userId).map(\.achievementId))
    let open = AchievementRule.allCases.filter { !earned.contains($0.rawValue) }
    var met: [AchievementRule] = []
    for rule in open where try await isMet(rule, user: user, now: now) {
      met.append(rule)
    }
    var awarded: [AchievementRule] = []
    for rule in met where try await award(rule, to: userId, now: now) {
      awarded.append(rule)
    }
    return awarded
  }

  private func isMet(_ rule: AchievementRule, user: UserProfile, now: Timestamp) async throws -> Bool {
    switch rule {
    case .firstEntry:
      return user.statistics.entryCount > 0
    case .sevenDayStreak:
      return try await hasSevenDayStreak(user.userId, now: now)
    case .goalMet:
      return try await listGoals(user.userId, now: now).contains {
        $0.status != .archived && $0.progress?.state == .met
      }
    case .monthlyReduction:
      return try await reducedLastMonth(user.userId, now: now)
    }
  }

  /// Whether the user logged entries on 7 consecutive UTC days within the last 60 days.
  private func hasSevenDayStreak(_ userId: String, now: Timestamp) async throws -> Bool {
    let start = Timestamp(startOf: CivilDate(daysSinceEpoch: now.day.daysSinceEpoch - 59))
    let days = Set(
      try await amounts(userId, in: EntryRange(from: start, to: now)).compactMap { $0.day?.daysSinceEpoch })
    return days.contains { day in (1..<7).allSatisfy { days.contains(day + Int64($0)) } }
  }

  /// Whether last month's emissions were at least 10% below the month before's (which must be non-zero).
  private func reducedLastMonth(_ userId: String, now: Timestamp) async throws -> Bool {
    let lastMonth = now.day.firstOfPreviousMonth
    let monthBefore = lastMonth.firstOfPreviousMonth
    let previous = Kilograms.sum(try await amounts(userId, in: .month(containing: monthBefore)).lazy.map(\.micro))
    guard previous > 0 else { return false }
    let last = Kilograms.sum(try await amounts(userId, in: .month(containing: lastMonth)).lazy.map(\.micro))
    return last * 10 <= previous * 9
  }
}
