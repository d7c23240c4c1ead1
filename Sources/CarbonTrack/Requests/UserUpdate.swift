/// A validated partial update of a user profile.
package struct UserUpdate: Sendable, Hashable {
  package var email: String?
  package var displayName: String?
  package var units: UnitSystem?
  /// When set, the update only applies if the stored profile has this version.
  package var expectedVersion: Int?

  /// Creates an update.
  package init(email: String? = nil, displayName: String? = nil, units: UnitSystem? = nil, expectedVersion: Int? = nil)
  {
    self.email = email
    self.displayName = displayName
    self.units = units
    self.expectedVersion = expectedVersion
  }
}

/// Body of `PUT /users/{userId}` and the `updateUser` action.
package struct UpdateUserRequest: Sendable, Codable {
  package var email: String?
  package var displayName: String?
  package var units: String?
  package var expectedVersion: Int?

  /// The update, or every field error (at least one profile field is required).
  package func validated() throws(CarbonTrackError) -> UserUpdate {
    var validator = FieldValidator()
    let update = UserUpdate(
      email: validator.email(email, required: false),
      displayName: validator.text(displayName, "displayName", maxLength: 100, required: false),
      units: validator.oneOf(units, "units", as: UnitSystem.self, required: false),
      expectedVersion: expectedVersion)
    validator.check(
      email != nil || displayName != nil || units != nil, "body", "must set at least one of email, displayName, units")
    if let expectedVersion { validator.check(expectedVersion >= 1, "expectedVersion", "must be at least 1") }
    try validator.finish()
    return update
  }
}
