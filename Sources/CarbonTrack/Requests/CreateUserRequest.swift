/// Body of `POST /users/{userId}` and the `createUser` action.
public struct CreateUserRequest: Sendable, Codable {
  public var email: String?
  public var displayName: String?
  public var units: String?

  /// Creates a request.
  public init(email: String?, displayName: String?, units: String? = nil) {
    self.email = email
    self.displayName = displayName
    self.units = units
  }

  /// The new profile, or every field error.
  public func validated(userId: String, now: Timestamp) throws(CarbonTrackError) -> UserProfile {
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
