/// One logged activity and its emissions.
package struct CarbonEntry: Sendable, Hashable, Codable {
  package var userId: String
  /// The sort key (see `EntrySortKey`); also the entry's id in URLs.
  package var timestamp: String
  /// When the activity happened (the time part of `timestamp`).
  package var occurredAt: Timestamp
  package var category: EntryCategory
  package var activity: String
  package var quantity: Double
  package var unit: String
  package var kgCO2e: Double
  package var notes: String?
  package var createdAt: Timestamp
  package var updatedAt: Timestamp
  /// Incremented on every update; guards the read-modify-write of statistics.
  package var version: Int

  /// Creates an entry.
  package init(
    userId: String, key: EntrySortKey, category: EntryCategory, activity: String, quantity: Double, unit: String,
    kgCO2e: Double, notes: String? = nil, createdAt: Timestamp, updatedAt: Timestamp? = nil, version: Int = 1
  ) {
    self.userId = userId
    self.timestamp = key.description
    self.occurredAt = key.time
    self.category = category
    self.activity = activity
    self.quantity = quantity
    self.unit = unit
    self.kgCO2e = kgCO2e
    self.notes = notes
    self.createdAt = createdAt
    self.updatedAt = updatedAt ?? createdAt
    self.version = version
  }
}
