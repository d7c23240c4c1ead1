/// Misuses of a `LambdaResponseWriter`, and the streamed response's size limit.
public enum StreamingResponseError: LambdaFunctionError, CustomStringConvertible, Equatable {
  /// A write would take the response past `limit` bytes; nothing more is sent, and the invocation fails with
  /// `Function.ResponseSizeTooLarge` however the handler ends.
  case responseTooLarge(limit: Int)
  /// `writeStatusAndHeaders` or `respond` came after the body had started.
  case statusAfterBody
  /// A write came after the invocation had ended (its handler returned, threw or timed out).
  case closed

  /// `ResponseSizeTooLarge`, `StatusAfterBody` or `StreamClosed`.
  public var errorType: String {
    switch self {
    case .responseTooLarge: "ResponseSizeTooLarge"
    case .statusAfterBody: "StatusAfterBody"
    case .closed: "StreamClosed"
    }
  }

  /// What went wrong, and what to do about it.
  public var description: String {
    switch self {
    case .responseTooLarge(let limit):
      "The streamed response would exceed its limit of \(limit) bytes (Lambda's is 20 MiB); nothing past the limit "
        + "was sent."
    case .statusAfterBody:
      "writeStatusAndHeaders and respond must come before the first write: the status and headers precede the "
        + "body, and a whole response replaces it."
    case .closed:
      "The invocation has ended; its response can no longer be written to."
    }
  }
}
