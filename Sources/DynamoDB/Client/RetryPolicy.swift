/// How failed requests are retried: AWS "standard" mode (throttling, `InternalServerError`, 5xx, connection
/// failures and timeouts are retried; everything else returns at once) with capped exponential backoff and full
/// jitter, never past the caller's deadline.
///
/// The default is 3 attempts (the standard-mode default) with DynamoDB's 50 ms base delay: a Lambda invocation
/// usually prefers a fast, clear failure over ten retries spread across seconds. Raise `maxAttempts` for batch jobs.
/// Like the SDKs' standard mode, retries also draw on a client-wide quota of `retryQuota` tokens (5 per retry, 10
/// after a timeout or connection failure, refunded by successes), so a failing service is not hammered.
public struct RetryPolicy: Sendable, Hashable {
  /// Total attempts including the first (1 disables retries).
  public var maxAttempts: Int
  /// Backoff base: attempt `n` sleeps a random time in `0 ..< min(maxDelay, baseDelay * 2^n)`.
  public var baseDelay: Duration
  /// Upper bound of one backoff sleep.
  public var maxDelay: Duration
  /// Time limit of one HTTP attempt (also bounded by the deadline).
  public var attemptTimeout: Duration
  /// Tokens in the client-wide retry quota (standard mode: 500); nil turns the quota off.
  public var retryQuota: Int?

  /// A retry policy.
  public init(
    maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(50), maxDelay: Duration = .seconds(20),
    attemptTimeout: Duration = .seconds(10), retryQuota: Int? = 500
  ) {
    self.maxAttempts = max(1, maxAttempts)
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.attemptTimeout = attemptTimeout
    self.retryQuota = retryQuota.map { max(0, $0) }
  }

  /// Standard mode: 3 attempts, 50 ms base, 20 s cap, a quota of 500 tokens.
  public static let standard = RetryPolicy()

  /// No retries.
  public static let none = RetryPolicy(maxAttempts: 1)

  /// The full-jitter sleep before retry number `retry` (1-based).
  func backoff(retry: Int) -> Duration {
    let exponent = min(retry - 1, 30)
    let ceiling = min(maxDelay, baseDelay * (1 << exponent))
    let nanos = ceiling.wholeNanoseconds
    guard nanos > 0 else { return .zero }
    return .nanoseconds(Int64.random(in: 0..<nanos))
  }
}
