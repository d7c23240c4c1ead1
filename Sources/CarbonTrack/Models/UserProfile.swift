/// A CarbonTrack user: profile fields plus aggregated statistics.
package struct UserProfile: Sendable, Hashable, Codable {
  package var userId: String
  package var email: String
  package var displayName: String
  package var units: UnitSystem
  package var createdAt: Timestamp
  package var updatedAt: Timestamp
  /// Incremented on every profile update; clients may send it back as `expectedVersion` for optimistic locking.
  package var version: Int
  package var statistics: UserStatistics

  /// Creates a profile.
  package init(
    userId: String, email: String, displayName: String, units: UnitSystem = .metric, createdAt: Timestamp,
    updatedAt: Timestamp, version: Int = 1, statistics: UserStatistics = UserStatistics()
  ) {
    self.userId = userId
    self.email = email
    self.displayName = displayName
    self.units = units
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.version = version
    self.statistics = statistics
  }
}
