extension DynamoDBClient {
  /// Stores `value` encoded as an item (optionally only if `conditionExpression` holds).
  public func put(
    _ value: some Encodable, into tableName: String, conditionExpression: String? = nil,
    expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: Item? = nil,
    encoder: DynamoDBEncoder = DynamoDBEncoder()
  ) async throws {
    _ = try await putItem(
      PutItemInput(
        tableName: tableName, item: try encoder.encode(value), conditionExpression: conditionExpression,
        expressionAttributeNames: expressionAttributeNames, expressionAttributeValues: expressionAttributeValues))
  }

  /// Reads the item with `key` as a `T`; `nil` when there is none.
  public func get<T: Decodable>(
    _ type: T.Type, from tableName: String, key: Item, consistentRead: Bool = false,
    decoder: DynamoDBDecoder = DynamoDBDecoder()
  ) async throws -> T? {
    let output = try await getItem(GetItemInput(tableName: tableName, key: key, consistentRead: consistentRead))
    return try output.item.map { try decoder.decode(type, from: $0) }
  }

  /// Every item matching `input` (all pages, or `maxPages`) as `T`s.
  public func queryAll<T: Decodable>(
    _ type: T.Type, _ input: QueryInput, maxPages: Int? = nil, decoder: DynamoDBDecoder = DynamoDBDecoder()
  ) async throws -> [T] {
    try await queryPaginator(input, maxPages: maxPages).items().map { try decoder.decode(type, from: $0) }
  }
}
