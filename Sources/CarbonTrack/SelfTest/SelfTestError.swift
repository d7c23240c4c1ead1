/// A self-test assertion that did not hold.
package enum SelfTestError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was expected and what was found.
  case assertion(String)

  package var description: String {
    switch self {
    case .assertion(let message): return "Assertion failed: \(message)"
    }
  }
}
