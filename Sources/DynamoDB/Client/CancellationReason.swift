/// Why one action of a cancelled transaction failed (`.noFailure` for actions that were fine).
public struct CancellationReason: Codable, Hashable, Sendable {
  /// What happened to this action; `nil` when DynamoDB sent no code.
  public var code: CancellationReasonCode?
  /// Human-readable detail.
  public var message: String?
  /// The existing item, when `returnValuesOnConditionCheckFailure: .allOld` was set.
  public var item: Item?

  public init(code: CancellationReasonCode?, message: String? = nil, item: Item? = nil) {
    self.code = code
    self.message = message
    self.item = item
  }

  enum CodingKeys: String, CodingKey {
    case code = "Code"
    case message = "Message"
    case item = "Item"
  }
}

/// A cancellation reason's code, as `TransactionCanceledException` lists them, one per action in request order.
public struct CancellationReasonCode: DynamoDBWireConstant {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  /// The action was fine; another one cancelled the transaction.
  public static let noFailure = Self(rawValue: "None")
  /// The action's condition expression evaluated to false.
  public static let conditionalCheckFailed = Self(rawValue: "ConditionalCheckFailed")
  /// Another transaction or write was working on the same item.
  public static let transactionConflict = Self(rawValue: "TransactionConflict")
  /// The item collection would pass 10 GB.
  public static let itemCollectionSizeLimitExceeded = Self(rawValue: "ItemCollectionSizeLimitExceeded")
  /// The table's or index's throughput was exceeded.
  public static let provisionedThroughputExceeded = Self(rawValue: "ProvisionedThroughputExceeded")
  /// The request was throttled.
  public static let throttlingError = Self(rawValue: "ThrottlingError")
  /// The action was invalid (a bad expression, or an item too large).
  public static let validationError = Self(rawValue: "ValidationError")
}
