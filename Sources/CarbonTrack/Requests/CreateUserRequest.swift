/// Body of `POST /users/{userId}` and the `createUser` action.
package struct CreateUserRequest: Sendable, Codable {
  package var email: String?
  package var displayName: String?
  package var units: String?

  /// Creates a request.
  package init(email: String?, displayName: String?, units: String? = nil) {
    self.email = email
    self.displayName = displayName
    self.units = units
  }

  /// The new profile, or every field error.
  package func validated(userId: String, now: Timestamp) throws(CarbonTrackError) -> UserProfile {
    var validator = FieldValidator()
    let email = validator.email(email)
    let displayName = validator.text(displayName, "displayName", maxLength: 100)
    let units = validator.oneOf(units ?? UnitSystem.metric.rawValue, "units", as: UnitSystem.self)
    try validator.finish()
    guard let email, let displayName, let units else { throw .invalid("body", "is incomplete") }
    return UserProfile(
      userId: userId, email: email, displayName: displayName, units: units, createdAt: now, updatedAt: now)
  }
}
