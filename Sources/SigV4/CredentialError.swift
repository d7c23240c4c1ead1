/// Why credentials could not be found or loaded.
public enum CredentialError: Error, CustomStringConvertible, Equatable {
  /// This source is not set up (a missing variable, file or profile); the chain moves on.
  case notConfigured(String)
  /// This source is set up but failed (unreadable file, bad response).
  case failed(source: String, reason: String)
  /// No source in the chain produced credentials; one line per source tried.
  case noneFound(tried: [String])

  public var description: String {
    switch self {
    case .notConfigured(let reason):
      return reason
    case .failed(let source, let reason):
      return "\(source): \(reason)"
    case .noneFound(let tried):
      let list = tried.map { "  - \($0)" }.joined(separator: "\n")
      return "No AWS credentials found. Sources tried, in order:\n\(list)"
    }
  }
}
