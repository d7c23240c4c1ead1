import Synchronization

/// The client-wide retry quota of AWS standard retry mode: every retry spends tokens and every success returns
/// some, so when DynamoDB keeps failing the client stops adding retries to the load instead of multiplying it.
final class RetryQuota: Sendable {
  /// Tokens a retry after an error response costs.
  static let retryCost = 5
  /// Tokens a retry after a timeout or a connection failure costs.
  static let transportRetryCost = 10
  /// Tokens a success that needed no retry returns.
  static let successRefund = 1

  private let capacity: Int
  private let available: Mutex<Int>

  init(capacity: Int) {
    self.capacity = capacity
    available = Mutex(capacity)
  }

  /// Takes `cost` tokens for one retry; false (and nothing taken) when fewer are left.
  func acquire(_ cost: Int) -> Bool {
    available.withLock { tokens in
      guard tokens >= cost else { return false }
      tokens -= cost
      return true
    }
  }

  /// Returns `amount` tokens, never above the capacity.
  func release(_ amount: Int) {
    available.withLock { $0 = min(capacity, $0 + amount) }
  }

  /// Tokens left.
  var remaining: Int { available.withLock { $0 } }
}
