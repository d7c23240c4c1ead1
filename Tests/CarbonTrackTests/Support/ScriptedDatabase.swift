import CarbonTrack
import DynamoDB
import Synchronization

/// A `StoreDatabase` whose answers come from the test: each transaction is answered by `transact` (given how many
/// came before it), each read by `read` (given the transactions so far); everything else is refused. It records
/// every call, so a test can check what the store sent and that nothing was sent twice.
final class ScriptedDatabase: StoreDatabase {
  private let transact: @Sendable (_ input: TransactWriteItemsInput, _ earlier: Int) throws -> Void
  private let read: @Sendable (_ input: GetItemInput, _ transactions: [TransactWriteItemsInput]) -> Item?
  private let log = Mutex<(transactions: [TransactWriteItemsInput], reads: [GetItemInput])>(([], []))

  init(
    transact: @escaping @Sendable (_ input: TransactWriteItemsInput, _ earlier: Int) throws -> Void,
    read: @escaping @Sendable (_ input: GetItemInput, _ transactions: [TransactWriteItemsInput]) -> Item? = { _, _ in
      nil
    }
  ) {
    self.transact = transact
    self.read = read
  }

  /// Every transaction sent, in order.
  var transactions: [TransactWriteItemsInput] { log.withLock { $0.transactions } }
  /// Every read sent, in order.
  var reads: [GetItemInput] { log.withLock { $0.reads } }

  func transactWriteItems(_ input: TransactWriteItemsInput) async throws -> TransactWriteItemsOutput {
    let earlier = log.withLock { log in
      log.transactions.append(input)
      return log.transactions.count - 1
    }
    try transact(input, earlier)
    return TransactWriteItemsOutput()
  }

  func getItem(_ input: GetItemInput) async throws -> GetItemOutput {
    let transactions = log.withLock { log in
      log.reads.append(input)
      return log.transactions
    }
    return GetItemOutput(item: read(input, transactions))
  }

  func putItem(_ input: PutItemInput) async throws -> PutItemOutput { throw Self.unscripted("PutItem") }
  func updateItem(_ input: UpdateItemInput) async throws -> UpdateItemOutput { throw Self.unscripted("UpdateItem") }
  func deleteItem(_ input: DeleteItemInput) async throws -> DeleteItemOutput { throw Self.unscripted("DeleteItem") }
  func query(_ input: QueryInput) async throws -> QueryOutput { throw Self.unscripted("Query") }
  func batchWriteAll(_ requests: [String: [WriteRequest]]) async throws { throw Self.unscripted("BatchWriteItem") }
  func createTable(_ input: CreateTableInput) async throws -> CreateTableOutput { throw Self.unscripted("CreateTable") }
  func deleteTable(_ input: DeleteTableInput) async throws -> DeleteTableOutput { throw Self.unscripted("DeleteTable") }

  func queryPaginator(_ input: QueryInput, maxPages: Int?) -> QueryPaginator {
    QueryPaginator(input: input, maxPages: maxPages) { try await self.query($0) }
  }

  func describeTable(_ input: DescribeTableInput) async throws -> DescribeTableOutput {
    throw Self.unscripted("DescribeTable")
  }

  func updateTimeToLive(_ input: UpdateTimeToLiveInput) async throws -> UpdateTimeToLiveOutput {
    throw Self.unscripted("UpdateTimeToLive")
  }

  func waitUntilTableActive(
    _ tableName: String, timeout: Duration, pollInterval: Duration
  ) async throws -> TableDescription {
    throw Self.unscripted("DescribeTable")
  }

  private static func unscripted(_ operation: String) -> DynamoDBError {
    .invalidRequest("\(operation) is not scripted in this test")
  }

  /// DynamoDB's answer to a transaction it cancelled, with one reason per action.
  static func cancelled(_ codes: [CancellationReasonCode]) -> DynamoDBError {
    .service(
      DynamoDBServiceError(
        code: .transactionCanceled, message: "Transaction cancelled", statusCode: 400,
        cancellationReasons: codes.map { CancellationReason(code: $0) }))
  }
}
