/// An error response from DynamoDB (or a front end before it).
public struct DynamoDBServiceError: Sendable, Hashable, CustomStringConvertible {
  /// The code from `__type` (after `#`), or from an XML `<Code>`.
  public var code: DynamoDBErrorCode
  /// The service's message.
  public var message: String
  /// HTTP status.
  public var statusCode: Int
  /// `x-amzn-RequestId`, for AWS support.
  public var requestId: String?
  /// The existing item for a failed condition, when `ReturnValuesOnConditionCheckFailure` was `ALL_OLD`.
  public var item: Item?
  /// Per-action reasons for `TransactionCanceledException`.
  public var cancellationReasons: [CancellationReason]?

  /// A service error.
  public init(
    code: DynamoDBErrorCode, message: String, statusCode: Int, requestId: String? = nil, item: Item? = nil,
    cancellationReasons: [CancellationReason]? = nil
  ) {
    self.code = code
    self.message = message
    self.statusCode = statusCode
    self.requestId = requestId
    self.item = item
    self.cancellationReasons = cancellationReasons
  }

  public var description: String {
    var text = "\(code.rawValue) (HTTP \(statusCode)): \(message)"
    if let reasons = cancellationReasons {
      text += " [reasons: \(reasons.map { ($0.code ?? .noFailure).rawValue }.joined(separator: ", "))]"
    }
    if let requestId { text += " [request id \(requestId)]" }
    return text
  }
}
