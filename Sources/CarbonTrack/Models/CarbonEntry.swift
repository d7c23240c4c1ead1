/// One logged activity and its emissions.
public struct CarbonEntry: Sendable, Hashable, Codable {
  public var userId: String
  /// The sort key (see `EntrySortKey`); also the entry's id in URLs.
  public var timestamp: String
  /// When the activity happened (the time part of `timestamp`).
  public var occurredAt: Timestamp
  public var category: EntryCategory
  public var activity: String
  public var quantity: Double
  public var unit: String
  public var kgCO2e: Double
  public var notes: String?
  public var createdAt: Timestamp
  public var updatedAt: Timestamp
  /// Incremented on every update; guards the read-modify-write of statistics.
  public var version: Int

  /// Creates an entry.
  public init(
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
