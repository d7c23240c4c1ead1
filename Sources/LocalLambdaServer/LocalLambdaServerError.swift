/// Failures of the local Lambda server.
public enum LocalLambdaServerError: Error, CustomStringConvertible, Equatable {
  /// The server was shut down before the invocation finished.
  case shutDown
  /// The invocation payload exceeds `maxEventBytes`.
  case eventTooLarge(bytes: Int, limit: Int)
  /// `startFunction` was given an empty command.
  case noCommand

  /// What went wrong.
  public var description: String {
    switch self {
    case .shutDown: "The local Lambda server has shut down."
    case .eventTooLarge(let bytes, let limit): "The event is \(bytes) bytes; the limit is \(limit) bytes."
    case .noCommand: "No function command was given."
    }
  }
}
