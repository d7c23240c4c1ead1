/// The four table names, all sharing a prefix (`CARBONTRACK_TABLE_PREFIX`, default `carbontrack-`).
public struct TableNames: Sendable, Hashable, Codable {
  /// The default prefix.
  public static let defaultPrefix = "carbontrack-"

  public let prefix: String
  /// Users, keyed by `userId`.
  public var users: String { prefix + "users" }
  /// Entries, keyed by `userId` + `timestamp`.
  public var entries: String { prefix + "entries" }
  /// Goals, keyed by `userId` + `goalId`.
  public var goals: String { prefix + "goals" }
  /// Achievements, keyed by `userId` + `achievementId`.
  public var achievements: String { prefix + "achievements" }
  /// All four names.
  public var all: [String] { [users, entries, goals, achievements] }

  /// Names with `prefix`.
  public init(prefix: String = TableNames.defaultPrefix) {
    self.prefix = prefix
  }

  /// Names from `CARBONTRACK_TABLE_PREFIX`, or the default when unset or empty.
  public init(environment: [String: String]) {
    let prefix = environment["CARBONTRACK_TABLE_PREFIX"] ?? ""
    self.init(prefix: prefix.isEmpty ? Self.defaultPrefix : prefix)
  }
}
