/// A CarbonTrack user: profile fields plus aggregated statistics.
public struct UserProfile: Sendable, Hashable, Codable {
  public var userId: String
  public var email: String
  public var displayName: String
  public var units: UnitSystem
  public var createdAt: Timestamp
  public var updatedAt: Timestamp
  /// Incremented on every profile update; clients may send it back as `expectedVersion` for optimistic locking.
  public var version: Int
  public var statistics: UserStatistics

  /// Creates a profile.
  public init(
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
