/// A self-test assertion that did not hold.
public enum SelfTestError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was expected and what was found.
  case assertion(String)

  public var description: String {
    switch self {
    case .assertion(let message): return "Assertion failed: \(message)"
    }
  }
}
