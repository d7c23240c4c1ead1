/// One invalid input field and what is wrong with it.
package struct FieldError: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The field's name as the client sent it (`kgCO2e`, `query.limit`, `path.userId`).
  package var field: String
  /// What is wrong, phrased so the client can fix it.
  package var message: String

  /// Creates a field error.
  package init(field: String, message: String) {
    self.field = field
    self.message = message
  }

  package var description: String { "\(field): \(message)" }
}
