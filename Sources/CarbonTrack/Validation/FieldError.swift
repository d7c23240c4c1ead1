/// One invalid input field and what is wrong with it.
public struct FieldError: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The field's name as the client sent it (`kgCO2e`, `query.limit`, `path.userId`).
  public var field: String
  /// What is wrong, phrased so the client can fix it.
  public var message: String

  /// Creates a field error.
  public init(field: String, message: String) {
    self.field = field
    self.message = message
  }

  public var description: String { "\(field): \(message)" }
}
