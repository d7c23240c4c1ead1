/// Validated entry fields: a partial update, or (with every field set) the content of a new entry.
package struct EntryUpdate: Sendable, Hashable {
  package var category: EntryCategory?
  package var activity: String?
  package var quantity: Double?
  package var unit: String?
  package var kgCO2e: Double?
  package var notes: String?
  /// When set, the update only applies if the stored entry has this version.
  package var expectedVersion: Int?

  /// Creates an update.
  package init(
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

  /// Validates raw request fields into `validator`; with `required`, every field but `notes` must be present.
  init(_ request: EntryRequest, validator: inout FieldValidator, required: Bool) {
    self.init(
      category: validator.oneOf(request.category, "category", as: EntryCategory.self, required: required),
      activity: validator.text(request.activity, "activity", maxLength: 200, required: required),
      quantity: validator.amount(request.quantity, "quantity", in: 0...Kilograms.maximum, required: required),
      unit: validator.text(request.unit, "unit", maxLength: 32, required: required),
      kgCO2e: validator.amount(request.kgCO2e, "kgCO2e", in: 0...Kilograms.maximum, required: required),
      notes: validator.text(request.notes, "notes", maxLength: 1000, required: false),
      expectedVersion: request.expectedVersion)
    if let expectedVersion { validator.check(expectedVersion >= 1, "expectedVersion", "must be at least 1") }
  }

  /// `entry` with this update applied, a bumped version and `updatedAt`.
  package func applied(to entry: CarbonEntry, now: Timestamp) -> CarbonEntry {
    var result = entry
    result.category = category ?? entry.category
    result.activity = activity ?? entry.activity
    result.quantity = quantity ?? entry.quantity
    result.unit = unit ?? entry.unit
    result.kgCO2e = kgCO2e ?? entry.kgCO2e
    result.notes = notes ?? entry.notes
    result.updatedAt = now
    // Wrapping, not trapping: a stored version can only be Int.max if written around the API, and a wrapped
    // version still differs from the one the conditional write checks.
    result.version = entry.version &+ 1
    return result
  }
}
