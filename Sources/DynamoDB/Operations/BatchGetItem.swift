/// BatchGetItem request (at most 100 keys; `DynamoDBClient.batchGetAll` splits and retries for you).
public struct BatchGetItemInput: Encodable, Sendable {
  /// Keys to read, per table name.
  public var requestItems: [String: KeysAndAttributes]
  public var returnConsumedCapacity: ReturnConsumedCapacity?

  /// A BatchGetItem request.
  public init(requestItems: [String: KeysAndAttributes], returnConsumedCapacity: ReturnConsumedCapacity? = nil) {
    self.requestItems = requestItems
    self.returnConsumedCapacity = returnConsumedCapacity
  }

  enum CodingKeys: String, CodingKey {
    case requestItems = "RequestItems"
    case returnConsumedCapacity = "ReturnConsumedCapacity"
  }
}

public struct BatchGetItemOutput: Decodable, Sendable {
  /// Items read, per table name (in no particular order).
  public var responses: [String: [Item]]
  /// Keys DynamoDB did not get to; send them again.
  public var unprocessedKeys: [String: KeysAndAttributes]
  /// Capacity consumed, if asked for.
  public var consumedCapacity: [ConsumedCapacity]?

  enum CodingKeys: String, CodingKey {
    case responses = "Responses"
    case unprocessedKeys = "UnprocessedKeys"
    case consumedCapacity = "ConsumedCapacity"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    responses = try container.decodeIfPresent([String: [Item]].self, forKey: .responses) ?? [:]
    unprocessedKeys = try container.decodeIfPresent([String: KeysAndAttributes].self, forKey: .unprocessedKeys) ?? [:]
    consumedCapacity = try container.decodeIfPresent([ConsumedCapacity].self, forKey: .consumedCapacity)
  }
}
