extension DynamoDBClient {
  /// Creates a table (it starts `CREATING`; see `waitUntilTableActive`).
  public func createTable(_ input: CreateTableInput) async throws -> CreateTableOutput {
    try await transport.perform("CreateTable", input)
  }

  public func describeTable(_ input: DescribeTableInput) async throws -> DescribeTableOutput {
    try await transport.perform("DescribeTable", input)
  }

  public func deleteTable(_ input: DeleteTableInput) async throws -> DeleteTableOutput {
    try await transport.perform("DeleteTable", input)
  }

  /// Lists one page of table names.
  public func listTables(_ input: ListTablesInput = ListTablesInput()) async throws -> ListTablesOutput {
    try await transport.perform("ListTables", input)
  }

  /// Turns TTL expiry on or off.
  public func updateTimeToLive(_ input: UpdateTimeToLiveInput) async throws -> UpdateTimeToLiveOutput {
    try await transport.perform("UpdateTimeToLive", input)
  }

  /// Stores a whole item; rejects items over 400 KB before sending.
  public func putItem(_ input: PutItemInput) async throws -> PutItemOutput {
    try Self.checkSize(input.item)
    return try await transport.perform("PutItem", input)
  }

  /// Reads one item by key.
  public func getItem(_ input: GetItemInput) async throws -> GetItemOutput {
    try await transport.perform("GetItem", input)
  }

  /// Updates (or creates) one item with an update expression.
  public func updateItem(_ input: UpdateItemInput) async throws -> UpdateItemOutput {
    try await transport.perform("UpdateItem", input)
  }

  public func deleteItem(_ input: DeleteItemInput) async throws -> DeleteItemOutput {
    try await transport.perform("DeleteItem", input)
  }

  /// Reads one page of items with the same partition key (see `queryPaginator` for all pages).
  public func query(_ input: QueryInput) async throws -> QueryOutput {
    try await transport.perform("Query", input)
  }

  /// Reads one page of the whole table or index (see `scanPaginator` for all pages).
  public func scan(_ input: ScanInput) async throws -> ScanOutput {
    try await transport.perform("Scan", input)
  }

  /// Reads up to 100 items by key in one request (see `batchGetAll` for any number, with retries).
  public func batchGetItem(_ input: BatchGetItemInput) async throws -> BatchGetItemOutput {
    try await transport.perform("BatchGetItem", input)
  }

  /// Writes up to 25 puts/deletes in one request (see `BatchWriter` for any number, with retries).
  public func batchWriteItem(_ input: BatchWriteItemInput) async throws -> BatchWriteItemOutput {
    for case .put(let item) in input.requestItems.values.joined() { try Self.checkSize(item) }
    return try await transport.perform("BatchWriteItem", input)
  }

  /// Applies up to 100 writes atomically; a failure throws `TransactionCanceledException` with reasons.
  public func transactWriteItems(_ input: TransactWriteItemsInput) async throws -> TransactWriteItemsOutput {
    for action in input.transactItems { try action.item.map(Self.checkSize) }
    return try await transport.perform("TransactWriteItems", input)
  }

  /// Reads up to 100 items as one consistent snapshot.
  public func transactGetItems(_ input: TransactGetItemsInput) async throws -> TransactGetItemsOutput {
    try await transport.perform("TransactGetItems", input)
  }

  /// Throws `itemTooLarge` for items over DynamoDB's 400 KB limit.
  static func checkSize(_ item: Item) throws {
    let size = ItemSize.of(item)
    if size > ItemSize.limit { throw DynamoDBError.itemTooLarge(size: size, limit: ItemSize.limit) }
  }
}
