/// What delete-all-data removed.
package struct DeletionSummary: Sendable, Codable, Equatable {
  package var userId: String
  package var userDeleted: Bool
  package var entriesDeleted: Int
  package var goalsDeleted: Int
  package var achievementsDeleted: Int

  /// Whether anything at all existed.
  package var deletedAnything: Bool { userDeleted || entriesDeleted + goalsDeleted + achievementsDeleted > 0 }
}
