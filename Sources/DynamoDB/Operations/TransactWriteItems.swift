/// TransactWriteItems request: up to 100 actions that all succeed or all fail.
public struct TransactWriteItemsInput: Encodable, Sendable {
  /// The actions.
  public var transactItems: [TransactWriteItem]
  /// Idempotency token: retries with the same token within 10 minutes do not apply twice.
  public var clientRequestToken: String?
  public var returnConsumedCapacity: ReturnConsumedCapacity?

  /// A TransactWriteItems request.
  public init(
    transactItems: [TransactWriteItem], clientRequestToken: String? = nil,
    returnConsumedCapacity: ReturnConsumedCapacity? = nil
  ) {
    self.transactItems = transactItems
    self.clientRequestToken = clientRequestToken
    self.returnConsumedCapacity = returnConsumedCapacity
  }

  enum CodingKeys: String, CodingKey {
    case transactItems = "TransactItems"
    case clientRequestToken = "ClientRequestToken"
    case returnConsumedCapacity = "ReturnConsumedCapacity"
  }
}

public struct TransactWriteItemsOutput: Decodable, Sendable {
  /// Capacity consumed, if asked for.
  public var consumedCapacity: [ConsumedCapacity]?

  /// An output as DynamoDB would answer, for code that scripts the client's answers in its tests.
  public init(consumedCapacity: [ConsumedCapacity]? = nil) {
    self.consumedCapacity = consumedCapacity
  }

  enum CodingKeys: String, CodingKey {
    case consumedCapacity = "ConsumedCapacity"
  }
}
