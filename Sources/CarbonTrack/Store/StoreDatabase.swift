import DynamoDB

/// The DynamoDB operations `CarbonTrackStore` uses. `DynamoDBClient` is the real one; the seam lets the store's
/// retry and conflict handling be tested against scripted answers, while the tests against moto cover the wire.
package protocol StoreDatabase: Sendable {
  func getItem(_ input: GetItemInput) async throws -> GetItemOutput
  func putItem(_ input: PutItemInput) async throws -> PutItemOutput
  func updateItem(_ input: UpdateItemInput) async throws -> UpdateItemOutput
  func deleteItem(_ input: DeleteItemInput) async throws -> DeleteItemOutput
  func query(_ input: QueryInput) async throws -> QueryOutput
  func queryPaginator(_ input: QueryInput, maxPages: Int?) -> QueryPaginator
  func batchWriteAll(_ requests: [String: [WriteRequest]]) async throws
  func transactWriteItems(_ input: TransactWriteItemsInput) async throws -> TransactWriteItemsOutput
  func createTable(_ input: CreateTableInput) async throws -> CreateTableOutput
  func describeTable(_ input: DescribeTableInput) async throws -> DescribeTableOutput
  func deleteTable(_ input: DeleteTableInput) async throws -> DeleteTableOutput
  func updateTimeToLive(_ input: UpdateTimeToLiveInput) async throws -> UpdateTimeToLiveOutput
  @discardableResult
  func waitUntilTableActive(
    _ tableName: String, timeout: Duration, pollInterval: Duration
  ) async throws -> TableDescription
}

extension DynamoDBClient: StoreDatabase {}
