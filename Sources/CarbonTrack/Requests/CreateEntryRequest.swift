/// Body of `POST /users/{userId}/entries` and the `createEntry` action.
public struct CreateEntryRequest: Sendable, Codable {
  public var category: String?
  public var activity: String?
  public var quantity: Double?
  public var unit: String?
  public var kgCO2e: Double?
  public var notes: String?
  /// When the activity happened; defaults to now. At most one day in the future.
  public var occurredAt: String?

  /// Creates a request.
  public init(
    category: String?, activity: String?, quantity: Double?, unit: String?, kgCO2e: Double?, notes: String? = nil,
    occurredAt: String? = nil
  ) {
    self.category = category
    self.activity = activity
    self.quantity = quantity
    self.unit = unit
    self.kgCO2e = kgCO2e
    self.notes = notes
    self.occurredAt = occurredAt
  }

  /// The new entry (with a fresh sort key), or every field error.
  public func validated(userId: String, now: Timestamp) throws(CarbonTrackError) -> CarbonEntry {
    var validator = FieldValidator()
    let fields = EntryFields(
      validator: &validator, category: category, activity: activity, quantity: quantity, unit: unit,
      kgCO2e: kgCO2e, notes: notes, required: true)
    let occurred = validator.timestamp(occurredAt, "occurredAt", latest: now.adding(milliseconds: 86_400_000)) ?? now
    try validator.finish()
    guard let category = fields.category, let activity = fields.activity, let quantity = fields.quantity,
      let unit = fields.unit, let kgCO2e = fields.kgCO2e
    else { throw .invalid("body", "is incomplete") }
    return CarbonEntry(
      userId: userId, key: EntrySortKey(time: occurred), category: category, activity: activity, quantity: quantity,
      unit: unit, kgCO2e: kgCO2e, notes: fields.notes, createdAt: now)
  }
}
