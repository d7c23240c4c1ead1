/// Everything an operation needs, whether it came from an API route or a direct action.
package struct OperationInput: Sendable {
  package var operation: DataOperation
  package var userId: String?
  /// Entry timestamp or goal id.
  package var resourceId: String?
  /// Query parameters: `from`, `to`, `limit`, `cursor`, `groupBy`.
  package var query: [String: String]
  /// The JSON body (for actions, the whole event).
  package var body: [UInt8]
  /// The `Idempotency-Key` header (or an action's `idempotencyKey`): repeats of a write with it answer as the first.
  package var idempotencyKey: String?

  /// Creates an input.
  package init(
    operation: DataOperation, userId: String?, resourceId: String? = nil, query: [String: String] = [:],
    body: [UInt8] = [], idempotencyKey: String? = nil
  ) {
    self.operation = operation
    self.userId = userId
    self.resourceId = resourceId
    self.query = query
    self.body = body
    self.idempotencyKey = idempotencyKey
  }
}

/// An operation's outcome: the HTTP status for API callers and the JSON body.
package struct OperationResult: Sendable {
  package var statusCode: Int
  package var body: [UInt8]
}
