/// The state of one CarbonTrack table, as `tables describe` prints it.
public struct TableStatusSummary: Sendable, Codable, Equatable {
  public var name: String
  /// `ACTIVE`, `CREATING`, … or `MISSING`.
  public var status: String
  public var itemCount: Int?
}
