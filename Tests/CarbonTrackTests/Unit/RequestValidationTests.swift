import Testing

@testable import CarbonTrack

@Suite struct RequestValidationTests {
  let now = Timestamp(millisecondsSinceEpoch: 1_764_177_885_123)

  private func fields(_ body: () throws -> Void) -> [String] {
    do {
      try body()
      return []
    } catch let error as CarbonTrackError {
      return error.fieldErrors.map(\.field)
    } catch {
      return ["unexpected: \(error)"]
    }
  }

  @Test func validUserIsNormalised() throws {
    let user = try CreateUserRequest(email: "Ada@Example.com", displayName: "  Ada  ").validated(
      userId: "u1", now: now)
    #expect(user.email == "ada@example.com")
    #expect(user.displayName == "Ada")
    #expect(user.units == .metric)
    #expect(user.version == 1)
    #expect(user.statistics.entryCount == 0)
  }

  @Test func userErrorsNameEveryField() {
    let names = fields {
      _ = try CreateUserRequest(email: "nope", displayName: "", units: "furlongs").validated(userId: "u", now: now)
    }
    #expect(names == ["email", "displayName", "units"])
  }

  @Test func userUpdateNeedsAField() {
    #expect(fields { _ = try UpdateUserRequest().validated() } == ["body"])
    #expect(fields { _ = try UpdateUserRequest(units: "imperial").validated() } == [])
  }

  @Test func entryValidation() throws {
    let entry = try CreateEntryRequest(
      category: "transport", activity: "Bus", quantity: 12, unit: "km", kgCO2e: 1.234_567_8,
      occurredAt: "2025-11-20T08:00:00+01:00"
    ).validated(userId: "u1", now: now)
    #expect(entry.kgCO2e == 1.234568)
    #expect(entry.occurredAt.iso8601 == "2025-11-20T07:00:00.000Z")
    #expect(entry.timestamp.hasPrefix("2025-11-20T07:00:00.000Z#"))
    #expect(EntrySortKey(entry.timestamp)?.time == entry.occurredAt)

    let bad = fields {
      _ = try CreateEntryRequest(
        category: "flying", activity: nil, quantity: -1, unit: "km", kgCO2e: .infinity, occurredAt: "2030-01-01"
      ).validated(userId: "u1", now: now)
    }
    #expect(bad == ["category", "activity", "quantity", "kgCO2e", "occurredAt"])
  }

  @Test func entryUpdateAppliesAndBumpsVersion() throws {
    let entry = try CreateEntryRequest(
      category: "food", activity: "Lunch", quantity: 1, unit: "meal", kgCO2e: 2
    ).validated(userId: "u1", now: now)
    let later = now.adding(milliseconds: 10)
    let update = try UpdateEntryRequest(kgCO2e: 3, notes: "veggie").validated()
    let updated = update.applied(to: entry, now: later)
    #expect(updated.kgCO2e == 3)
    #expect(updated.notes == "veggie")
    #expect(updated.category == .food)
    #expect(updated.version == 2)
    #expect(updated.updatedAt == later)
    #expect(updated.timestamp == entry.timestamp)
    #expect(fields { _ = try UpdateEntryRequest().validated() } == ["body"])
  }

  @Test func goalValidation() throws {
    let goal = try CreateGoalRequest(
      title: "Less driving", kind: "reduction", targetKgCO2e: 20, baselineKgCO2e: 100, periodStart: "2026-01-01",
      periodEnd: "2026-01-31"
    ).validated(userId: "u1", goalId: "g1", now: now)
    #expect(goal.allowanceKgCO2e == 80)
    #expect(goal.periodRange?.upperBound.iso8601 == "2026-01-31T23:59:59.999Z")

    #expect(
      fields {
        _ = try CreateGoalRequest(
          title: "x", kind: "reduction", targetKgCO2e: 20, periodStart: "2026-02-01", periodEnd: "2026-01-01"
        ).validated(userId: "u1", goalId: "g1", now: now)
      } == ["periodEnd", "baselineKgCO2e"])
    #expect(
      fields {
        _ = try CreateGoalRequest(
          title: "x", kind: "cap", targetKgCO2e: 20, periodStart: "2026-02-30", periodEnd: nil
        ).validated(userId: "u1", goalId: "g1", now: now)
      } == ["periodStart", "periodEnd"])
    #expect(
      fields {
        _ = try UpdateGoalRequest(status: "done").applied(to: goal, now: now)
      } == ["status"])
    let archived = try UpdateGoalRequest(status: "archived").applied(to: goal, now: now)
    #expect(archived.status == .archived)
    #expect(archived.version == 2)
  }

  @Test func goalProgressStates() throws {
    let goal = try CreateGoalRequest(
      title: "Cap", kind: "cap", targetKgCO2e: 10, periodStart: "2025-11-01", periodEnd: "2025-11-30"
    ).validated(userId: "u1", goalId: "g1", now: now)
    let during = GoalProgress(goal: goal, emittedMicro: 2_500_000, entryCount: 2, now: now)
    #expect(during.state == .onTrack)
    #expect(during.percentOfAllowance == 25)
    #expect(during.remainingKgCO2e == 7.5)
    let after = Timestamp(iso8601: "2025-12-01")!
    #expect(GoalProgress(goal: goal, emittedMicro: 10_000_000, entryCount: 3, now: after).state == .met)
    #expect(GoalProgress(goal: goal, emittedMicro: 10_000_001, entryCount: 3, now: now).state == .exceeded)
  }

  @Test func decodingErrorsBecomeFieldErrors() {
    func decodeFields(_ json: String) -> [FieldError] {
      do {
        _ = try RequestDecoding.decode(CreateEntryRequest.self, from: Array(json.utf8))
        return []
      } catch {
        return error.fieldErrors
      }
    }
    #expect(decodeFields(#"{"quantity":"twelve"}"#) == [FieldError(field: "quantity", message: "must be a number")])
    #expect(decodeFields("[1]").map(\.field) == ["body"])
    #expect(decodeFields("not json").map(\.field) == ["body"])
    #expect(decodeFields("  ").isEmpty)
  }

  @Test func userIdRules() {
    var validator = FieldValidator()
    #expect(validator.userId("user-1_a.b@c:d") == "user-1_a.b@c:d")
    #expect(validator.userId("") == nil)
    #expect(validator.userId("has space") == nil)
    #expect(validator.userId(String(repeating: "a", count: 129)) == nil)
    #expect(validator.errors.count == 3)
  }
}
