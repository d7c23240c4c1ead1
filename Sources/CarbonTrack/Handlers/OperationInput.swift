/// Everything an operation needs, whether it came from an API route or a direct action.
public struct OperationInput: Sendable {
  public var operation: Operation
  public var userId: String?
  /// Entry timestamp or goal id.
  public var resourceId: String?
  /// Query parameters: `from`, `to`, `limit`, `cursor`, `groupBy`.
  public var query: [String: String]
  /// The JSON body (for actions, the whole event).
  public var body: [UInt8]
  /// The `Idempotency-Key` header (or an action's `idempotencyKey`): repeats of a write with it answer as the first.
  public var idempotencyKey: String?

  /// Creates an input.
  public init(
    operation: Operation, userId: String?, resourceId: String? = nil, query: [String: String] = [:],
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
public struct OperationResult: Sendable {
  public var statusCode: Int
  public var body: [UInt8]
}
