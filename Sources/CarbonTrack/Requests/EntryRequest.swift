/// Body of `POST /users/{userId}/entries`.
package typealias CreateEntryRequest = EntryRequest
/// Body of `PUT /users/{userId}/entries/{timestamp}`.
package typealias UpdateEntryRequest = EntryRequest

/// The JSON body of entry writes (and the matching actions), before validation.
package struct EntryRequest: Sendable, Codable {
  package var category: String?
  package var activity: String?
  package var quantity: Double?
  package var unit: String?
  package var kgCO2e: Double?
  package var notes: String?
  /// New entries only: when the activity happened; defaults to now, at most one day in the future.
  package var occurredAt: String?
  /// Updates only: optimistic lock on the entry's version.
  package var expectedVersion: Int?

  /// Creates a request.
  package init(
    category: String? = nil, activity: String? = nil, quantity: Double? = nil, unit: String? = nil,
    kgCO2e: Double? = nil, notes: String? = nil, occurredAt: String? = nil, expectedVersion: Int? = nil
  ) {
    self.category = category
    self.activity = activity
    self.quantity = quantity
    self.unit = unit
    self.kgCO2e = kgCO2e
    self.notes = notes
    self.occurredAt = occurredAt
    self.expectedVersion = expectedVersion
  }

  /// A new entry (with a fresh sort key), or every field error.
  package func validated(userId: String, now: Timestamp) throws(CarbonTrackError) -> CarbonEntry {
    var validator = FieldValidator()
    let fields = EntryUpdate(self, validator: &validator, required: true)
    let occurred = validator.timestamp(occurredAt, "occurredAt", latest: now.adding(milliseconds: 86_400_000)) ?? now
    try validator.finish()
    guard let category = fields.category, let activity = fields.activity, let quantity = fields.quantity,
      let unit = fields.unit, let kgCO2e = fields.kgCO2e
    else { throw .invalid("body", "is incomplete") }
    return CarbonEntry(
      userId: userId, key: EntrySortKey(time: occurred), category: category, activity: activity, quantity: quantity,
      unit: unit, kgCO2e: kgCO2e, notes: fields.notes, createdAt: now)
  }

  /// A partial update, or every field error (at least one entry field is required).
  package func validated() throws(CarbonTrackError) -> EntryUpdate {
    var validator = FieldValidator()
    let update = EntryUpdate(self, validator: &validator, required: false)
    validator.check(
      [category, activity, unit, notes].contains { $0 != nil } || quantity != nil || kgCO2e != nil, "body",
      "must set at least one of category, activity, quantity, unit, kgCO2e, notes")
    try validator.finish()
    return update
  }
}
