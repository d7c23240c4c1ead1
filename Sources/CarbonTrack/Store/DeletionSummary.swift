/// What delete-all-data removed.
public struct DeletionSummary: Sendable, Codable, Equatable {
  public var userId: String
  public var userDeleted: Bool
  public var entriesDeleted: Int
  public var goalsDeleted: Int
  public var achievementsDeleted: Int

  /// Whether anything at all existed.
  public var deletedAnything: Bool { userDeleted || entriesDeleted + goalsDeleted + achievementsDeleted > 0 }
}
