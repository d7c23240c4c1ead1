/// The four table names, all sharing a prefix (`CARBONTRACK_TABLE_PREFIX`, default `carbontrack-`).
package struct TableNames: Sendable, Hashable, Codable {
  package static let defaultPrefix = "carbontrack-"

  package let prefix: String
  /// Users, keyed by `userId`.
  package var users: String { prefix + "users" }
  /// Entries, keyed by `userId` + `timestamp`.
  package var entries: String { prefix + "entries" }
  /// Goals, keyed by `userId` + `goalId`.
  package var goals: String { prefix + "goals" }
  /// Achievements, keyed by `userId` + `achievementId`.
  package var achievements: String { prefix + "achievements" }
  /// All four names.
  package var all: [String] { [users, entries, goals, achievements] }

  /// The four names under `prefix`.
  package init(prefix: String = TableNames.defaultPrefix) {
    self.prefix = prefix
  }

  /// Names from `CARBONTRACK_TABLE_PREFIX`, or the default when unset or empty.
  package init(environment: [String: String]) {
    let prefix = environment["CARBONTRACK_TABLE_PREFIX"] ?? ""
    self.init(prefix: prefix.isEmpty ? Self.defaultPrefix : prefix)
  }
}
