import DynamoDB
import LambdaRuntime

extension CarbonTrackError: LambdaFunctionError {
  /// Reported to Lambda as `Function.<code>`, e.g. `Function.UnknownAction`.
  package var errorType: String { code }
}

extension CarbonTrackError {
  private static let throttlingCodes: Set<DynamoDBErrorCode> = [
    .provisionedThroughputExceeded, .throttling, .requestLimitExceeded,
  ]

  /// The service error `error` amounts to, or nil for a failure the caller cannot act on (reported as 500).
  ///
  /// Throttling that survived the client's retries becomes 429; outages, timeouts and broken connections 503; a
  /// race with a concurrent transaction on the same items 409 (the caller may retry); an item over 400 KB 413.
  package init?(_ error: any Error) {
    if let error = error as? CarbonTrackError {
      self = error
      return
    }
    guard let error = error as? DynamoDBError else { return nil }
    switch error {
    case .service(let service) where Self.throttlingCodes.contains(service.code):
      self = .throttled("DynamoDB is throttling requests; retry later.")
    case .service(let service) where service.statusCode >= 500:
      self = .unavailable("DynamoDB is unavailable (\(service.code.rawValue)); retry later.")
    case .service where error.isTransactionConflict:
      self = .conflict("Another request changed the same data at the same moment; retry.")
    case .itemTooLarge(let size, let limit):
      self = .payloadTooLarge("The item would be \(size) bytes; DynamoDB stores at most \(limit) bytes per item.")
    case .transport, .deadlineExceeded, .checksumMismatch, .incompleteBatch:
      self = .unavailable("DynamoDB could not be reached in time; retry later.")
    default:
      return nil
    }
  }
}
