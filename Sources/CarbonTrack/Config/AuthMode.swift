/// What to do with API requests that carry no authenticated identity (`AUTH_MODE`).
package enum AuthMode: String, Sendable, Hashable, CaseIterable {
  /// Reject them with 401 (the default).
  case required
  /// Serve them for any user id, e.g. behind a private API or for local testing.
  case none

  /// Parses `AUTH_MODE`; unset means `required`.
  package init(environmentValue: String?) throws(ConfigurationError) {
    guard let value = environmentValue, !value.isEmpty else {
      self = .required
      return
    }
    guard let mode = AuthMode(rawValue: value.lowercased()) else {
      throw .invalidValue(name: "AUTH_MODE", value: value, expected: "required or none")
    }
    self = mode
  }
}
