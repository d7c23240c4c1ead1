/// Why one action of a cancelled transaction failed (`None` code for actions that were fine).
public struct CancellationReason: Codable, Hashable, Sendable {
  /// `None`, `ConditionalCheckFailed`, `TransactionConflict`, `ValidationError`, ...
  public var code: String?
  /// Human-readable detail.
  public var message: String?
  /// The existing item, when `returnValuesOnConditionCheckFailure: .allOld` was set.
  public var item: Item?

  /// A cancellation reason.
  public init(code: String?, message: String? = nil, item: Item? = nil) {
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
