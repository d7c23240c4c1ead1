/// Everything a DynamoDB call can fail with.
public enum DynamoDBError: Error, CustomStringConvertible, Sendable {
  /// DynamoDB answered with an error (after any retries); inspect `code`.
  case service(DynamoDBServiceError)
  /// The connection failed (after any retries).
  case transport(String)
  /// The response body did not match its `x-amz-crc32` header (after retries).
  case checksumMismatch(expected: UInt32, actual: UInt32)
  /// An item is over DynamoDB's 400 KB limit; nothing was sent.
  case itemTooLarge(size: Int, limit: Int)
  /// The caller's deadline passed before the call could complete.
  case deadlineExceeded(attempts: Int, lastError: String?)
  /// The response could not be decoded.
  case invalidResponse(String)
  /// The request could not be encoded or is invalid before sending.
  case invalidRequest(String)
  /// Credentials could not be obtained.
  case credentials(String)
  /// The client was used after `shutdown()`.
  case clientShutDown
  /// DynamoDB kept returning unprocessed batch entries until the retry budget or deadline ran out.
  case incompleteBatch(unprocessed: Int)

  /// The service error code, if DynamoDB answered with an error.
  public var code: DynamoDBErrorCode? {
    if case .service(let error) = self { return error.code }
    return nil
  }

  /// Whether a condition expression (or a transaction's condition) failed.
  public var isConditionalCheckFailed: Bool {
    code == .conditionalCheckFailed || cancellationCodes.contains(.conditionalCheckFailed)
  }

  /// The cancellation reason codes of a cancelled transaction, one per action in request order (`.noFailure` when
  /// fine); empty for any other error.
  public var cancellationCodes: [CancellationReasonCode] {
    guard case .service(let error) = self, error.code == .transactionCanceled else { return [] }
    return (error.cancellationReasons ?? []).map { $0.code ?? .noFailure }
  }

  public var description: String {
    switch self {
    case .service(let error): "DynamoDB error \(error)"
    case .transport(let detail): "Could not reach DynamoDB: \(detail)"
    case .checksumMismatch(let expected, let actual):
      "DynamoDB response failed its CRC32 check (header \(expected), body \(actual))"
    case .itemTooLarge(let size, let limit):
      "Item is \(size) bytes, over DynamoDB's limit of \(limit) bytes; it was not sent"
    case .deadlineExceeded(let attempts, let lastError):
      "Deadline passed after \(attempts) attempt(s)" + (lastError.map { "; last error: \($0)" } ?? "")
    case .invalidResponse(let detail): "Unexpected DynamoDB response: \(detail)"
    case .invalidRequest(let detail): "Invalid DynamoDB request: \(detail)"
    case .credentials(let detail): "No AWS credentials: \(detail)"
    case .clientShutDown: "The DynamoDB client has been shut down"
    case .incompleteBatch(let unprocessed):
      "\(unprocessed) batch entries were still unprocessed when retries ran out (throttled table?)"
    }
  }
}
