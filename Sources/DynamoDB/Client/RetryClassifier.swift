#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Standard-mode classification of service errors.
enum RetryClassifier {
  static let throttlingCodes: Set<String> = [
    "ProvisionedThroughputExceededException", "ThrottlingException", "Throttling", "ThrottledException",
    "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "TooManyRequestsException",
    "SlowDown", "BandwidthLimitExceeded", "LimitExceededException", "TransactionInProgressException",
  ]
  static let transientCodes: Set<String> = [
    "InternalServerError", "InternalFailure", "ServiceUnavailable", "RequestTimeout", "RequestTimeoutException",
    "PriorRequestNotComplete",
  ]
  static let clockSkewCodes: Set<String> = [
    "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException", "SignatureExpired",
    "AuthFailure",
  ]
  /// Beyond this difference from the server's clock, a time-related rejection is treated as skew.
  static let skewThreshold: Double = 60

  static func classify(_ error: DynamoDBServiceError, serverDate: String?) -> AttemptOutcome.Retry {
    let code = error.code.rawValue
    if throttlingCodes.contains(code) || transientCodes.contains(code) { return .withBackoff }
    if clockSkewCodes.contains(code), let text = serverDate, let date = HTTPDate.parse(text),
      abs(date.timeIntervalSinceNow) > skewThreshold
    {
      return .afterClockCorrection(serverDate: date)
    }
    if [500, 502, 503, 504, 429].contains(error.statusCode) { return .withBackoff }
    return .never
  }
}
