/// Failures talking to the Runtime API; each one ends the process (Lambda then restarts the sandbox).
public enum RuntimeAPIError: Error, CustomStringConvertible, Equatable {
  /// `AWS_LAMBDA_RUNTIME_API` is unset or not `host:port`.
  case invalidAddress(String?)
  /// The TCP connection could not be opened.
  case connectionFailed(address: String, reason: String)
  /// The Runtime API closed the connection (or it broke) while a request was outstanding.
  case connectionClosed
  /// The Runtime API answered with a status the runtime cannot continue after.
  case unexpectedStatus(request: String, status: Int, body: String)
  /// `/next` answered without a required header.
  case missingHeader(String)

  /// What went wrong, for the log.
  public var description: String {
    switch self {
    case .invalidAddress(let value):
      "AWS_LAMBDA_RUNTIME_API must be host:port, got \(value.map { "'\($0)'" } ?? "nothing")."
    case .connectionFailed(let address, let reason): "Cannot connect to the Runtime API at \(address): \(reason)"
    case .connectionClosed: "The Runtime API closed the connection."
    case .unexpectedStatus(let request, let status, let body): "\(request) returned HTTP \(status): \(body)"
    case .missingHeader(let name): "The Runtime API sent an invocation without the \(name) header."
    }
  }
}
