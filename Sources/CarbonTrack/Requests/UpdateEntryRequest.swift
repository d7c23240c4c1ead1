/// A validated partial update of an entry.
public struct EntryUpdate: Sendable, Hashable {
  public var category: EntryCategory?
  public var activity: String?
  public var quantity: Double?
  public var unit: String?
  public var kgCO2e: Double?
  public var notes: String?
  /// When set, the update only applies if the stored entry has this version.
  public var expectedVersion: Int?

  /// Creates an update.
  public init(
    category: EntryCategory? = nil, activity: String? = nil, quantity: Double? = nil, unit: String? = nil,
    kgCO2e: Double? = nil, notes: String? = nil, expectedVersion: Int? = nil
  ) {
    self.category = category
    self.activity = activity
    self.quantity = quantity
    self.unit = unit
    self.kgCO2e = kgCO2e
    self.notes = notes
    self.expectedVersion = expectedVersion
  }

  /// `entry` with this update applied, a bumped version and `updatedAt`.
  public func applied(to entry: CarbonEntry, now: Timestamp) -> CarbonEntry {
    var result = entry
    result.category = category ?? entry.category
    result.activity = activity ?? entry.activity
    result.quantity = quantity ?? entry.quantity
    result.unit = unit ?? entry.unit
    result.kgCO2e = kgCO2e ?? entry.kgCO2e
    result.notes = notes ?? entry.notes
    result.updatedAt = now
    result.version = entry.version + 1
    return result
  }
}

/// Body of `PUT /users/{userId}/entries/{timestamp}` and the `updateEntry` action.
public struct UpdateEntryRequest: Sendable, Codable {
  public var category: String?
  public var activity: String?
  public var quantity: Double?
  public var unit: String?
  public var kgCO2e: Double?
  public var notes: String?
  public var expectedVersion: Int?

  /// The update, or every field error (at least one field is required).
  public func validated() throws(CarbonTrackError) -> EntryUpdate {
    var validator = FieldValidator()
    let fields = EntryFields(
      validator: &validator, category: category, activity: activity, quantity: quantity, unit: unit,
      kgCO2e: kgCO2e, notes: notes, required: false)
    validator.check(
      [category, activity, unit, notes].contains { $0 != nil } || quantity != nil || kgCO2e != nil, "body",
      "must set at least one of category, activity, quantity, unit, kgCO2e, notes")
    if let expectedVersion { validator.check(expectedVersion >= 1, "expectedVersion", "must be at least 1") }
    try validator.finish()
    return EntryUpdate(
      category: fields.category, activity: fields.activity, quantity: fields.quantity, unit: fields.unit,
      kgCO2e: fields.kgCO2e, notes: fields.notes, expectedVersion: expectedVersion)
  }
}
