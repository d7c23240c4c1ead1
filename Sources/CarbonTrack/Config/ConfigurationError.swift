/// A problem with the function's environment configuration.
package enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A variable has a value we do not understand.
  case invalidValue(name: String, value: String, expected: String)

  package var description: String {
    switch self {
    case .invalidValue(let name, let value, let expected):
      return "\(name)='\(value)' is not valid; expected \(expected)."
    }
  }
}
