/// Aggregates kept on the user profile, maintained atomically with every entry write.
package struct UserStatistics: Sendable, Hashable, Codable {
  /// Sum of `kgCO2e` over all entries.
  package var totalKgCO2e: Double
  /// Number of entries.
  package var entryCount: Int
  /// Sum of `kgCO2e` per category; categories without entries are absent or zero.
  package var categoryTotals: [String: Double]
  /// When the most recent entry was logged (write time, not the entry's own timestamp).
  package var lastEntryAt: Timestamp?

  /// Creates statistics; the default is empty.
  package init(
    totalKgCO2e: Double = 0, entryCount: Int = 0, categoryTotals: [String: Double] = [:], lastEntryAt: Timestamp? = nil
  ) {
    self.totalKgCO2e = totalKgCO2e
    self.entryCount = entryCount
    self.categoryTotals = categoryTotals
    self.lastEntryAt = lastEntryAt
  }
}
