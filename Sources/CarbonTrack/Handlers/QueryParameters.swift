import SharedSupport

/// Validated `from`, `to`, `limit`, `cursor` and `groupBy` parameters.
struct QueryParameters {
  static let defaultLimit = 20
  static let maxLimit = 100

  var range: EntryRange?
  var limit: Int
  /// The entry sort key `listEntries` continues after.
  var cursor: String?
  /// The goal id `listGoals` continues after.
  var goalCursor: String?
  var groupBy: AnalyticsGrouping

  /// Parses the parameters; a date-only `to` includes that whole day. A cursor is read as one of `operation`'s
  /// listing (entries or goals) and refused for any other.
  init(_ query: [String: String], for operation: DataOperation = .listEntries, userId: String, now: Timestamp)
    throws(CarbonTrackError)
  {
    var validator = FieldValidator()
    let from = validator.timestamp(query["from"], "from")
    var to = validator.timestamp(query["to"], "to")
    if let text = query["to"], text.utf8.count == 10, let day = to?.day { to = Timestamp(endOf: day) }
    if let from, let to { validator.check(from <= to, "to", "must not be before from") }
    limit = Self.defaultLimit
    if let text = query["limit"] {
      if let value = Int(text), (1...Self.maxLimit).contains(value) {
        limit = value
      } else {
        validator.fail("limit", "must be a whole number from 1 to \(Self.maxLimit)")
      }
    }
    groupBy = validator.oneOf(query["groupBy"] ?? "category", "groupBy", as: AnalyticsGrouping.self) ?? .category
    var cursor: String?
    if let text = query["cursor"], !text.isEmpty {
      do {
        let isValid: (String) -> Bool =
          operation == .listGoals ? { (1...128).contains($0.utf8.count) } : { EntrySortKey($0) != nil }
        cursor = try PageCursor.decode(text, userId: userId, isValid: isValid)
      } catch {
        for field in error.fieldErrors { validator.fail(field.field, field.message) }
      }
    }
    if operation == .listGoals {
      goalCursor = cursor
      cursor = nil
    }
    let range =
      from == nil && to == nil ? nil : EntryRange(from: from ?? .earliestAccepted, to: to ?? .latestRepresentable)
    if let cursor {
      // DynamoDB rejects a start key outside the key condition, so a cursor from another listing would be a 500.
      let bounds = range ?? .all
      validator.check(
        cursor >= EntrySortKey.lowerBound(bounds.from) && cursor <= EntrySortKey.upperBound(bounds.to), "cursor",
        "belongs to a listing with other from/to; list again without it")
    }
    try validator.finish()
    self.cursor = cursor
    self.range = range
  }

  /// The analytics range: as given, else the 30 days up to now.
  func analyticsRange(now: Timestamp) -> EntryRange {
    range ?? EntryRange(from: Timestamp(startOf: CivilDay(daysSinceEpoch: now.day.daysSinceEpoch - 29)), to: now)
  }
}
