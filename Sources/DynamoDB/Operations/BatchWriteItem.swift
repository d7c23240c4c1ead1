/// BatchWriteItem request (at most 25 writes; `BatchWriter` splits and retries for you).
public struct BatchWriteItemInput: Encodable, Sendable {
  /// Writes, per table name.
  public var requestItems: [String: [WriteRequest]]
  public var returnConsumedCapacity: ReturnConsumedCapacity?

  public init(requestItems: [String: [WriteRequest]], returnConsumedCapacity: ReturnConsumedCapacity? = nil) {
    self.requestItems = requestItems
    self.returnConsumedCapacity = returnConsumedCapacity
  }

  enum CodingKeys: String, CodingKey {
    case requestItems = "RequestItems"
    case returnConsumedCapacity = "ReturnConsumedCapacity"
  }
}

public struct BatchWriteItemOutput: Decodable, Sendable {
  /// Writes DynamoDB did not get to; send them again.
  public var unprocessedItems: [String: [WriteRequest]]
  /// Capacity consumed, if asked for.
  public var consumedCapacity: [ConsumedCapacity]?

  enum CodingKeys: String, CodingKey {
    case unprocessedItems = "UnprocessedItems"
    case consumedCapacity = "ConsumedCapacity"
  }

  init(unprocessedItems: [String: [WriteRequest]], consumedCapacity: [ConsumedCapacity]?) {
    self.unprocessedItems = unprocessedItems
    self.consumedCapacity = consumedCapacity
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    unprocessedItems = try container.decodeIfPresent([String: [WriteRequest]].self, forKey: .unprocessedItems) ?? [:]
    consumedCapacity = try container.decodeIfPresent([ConsumedCapacity].self, forKey: .consumedCapacity)
  }
}
