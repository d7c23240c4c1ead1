/// Options of the `selfTest` action.
package struct SelfTestOptions: Sendable, Codable, Equatable {
  /// Fault injection: step N (1–10) uses an empty user id, which DynamoDB rejects as an invalid key, so that
  /// tests can prove a failing run still reports every step and leaves no data behind.
  package var failStep: Int?
  /// Fault injection: the steps' deadline passes right after step N (0–10), so that tests can prove the cleanup,
  /// which runs outside that deadline, still leaves nothing behind.
  package var expireAfterStep: Int?

  /// Creates options.
  package init(failStep: Int? = nil, expireAfterStep: Int? = nil) {
    self.failStep = failStep
    self.expireAfterStep = expireAfterStep
  }
}
