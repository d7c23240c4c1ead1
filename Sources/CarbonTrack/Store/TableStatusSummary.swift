/// The state of one CarbonTrack table, as `tables describe` prints it.
package struct TableStatusSummary: Sendable, Codable, Equatable {
  package var name: String
  /// `ACTIVE`, `CREATING`, … or `MISSING`.
  package var status: String
  package var itemCount: Int?
}
