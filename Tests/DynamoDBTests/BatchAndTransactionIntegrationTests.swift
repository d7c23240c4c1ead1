import DynamoDB
import Foundation
import Testing

@Suite("Batches and transactions against moto", .enabled(if: TestServer.isAvailable, "set DYNAMODB_ENDPOINT"))
struct BatchAndTransactionIntegrationTests {
  @Test func batchWriterAndBatchGetHandleHundredsOfItems() async throws {
    try await TestServer.withTable("batch") { client, table in
      struct Row: Codable, Equatable {
        var pk: String
        var sk: Int
        var label: String
      }
      let rows = (0..<130).map { Row(pk: "batch", sk: $0, label: "row \($0)") }
      var writer = BatchWriter(client: client)
      for row in rows { try writer.put(row, into: table) }
      #expect(writer.pendingCount == 130)
      try await writer.flush()
      #expect(writer.pendingCount == 0)

      let keys: [Item] = rows.map { ["pk": .s($0.pk), "sk": .number($0.sk)] }
      let read = try await client.batchGetAll(table, keys: keys, consistentRead: true)
      let decoded = try read.map { try DynamoDBDecoder().decode(Row.self, from: $0) }.sorted { $0.sk < $1.sk }
      #expect(decoded == rows)

      for key in keys.prefix(105) { writer.delete(key: key, from: table) }
      try await writer.flush()
      let left = try await client.scanPaginator(ScanInput(tableName: table, select: .count)).reduce(0) {
        $0 + $1.count
      }
      #expect(left == 25)
    }
  }

  @Test func batchWriterKeepsTheLastWriteOfAKeyWhenTheTableIsDeduplicated() async throws {
    try await TestServer.withTable("dedupe") { client, table in
      // DynamoDB rejects a batch naming one key twice (moto only catches byte-identical JSON, so it cannot show
      // that); the writer must send each queued key once, carrying its last write.
      var writer = BatchWriter(client: client, keyAttributes: [table: ["pk", "sk"]])
      try writer.put(["pk": "a", "sk": 9, "v": -1] as Item, into: table)
      try await writer.flush()
      for value in 0..<30 { try writer.put(["pk": "a", "sk": .number(value % 3), "v": .number(value)], into: table) }
      writer.delete(key: ["pk": "a", "sk": 2], from: table)
      writer.delete(key: ["pk": "a", "sk": 9], from: table)
      try writer.put(["pk": "b", "sk": 0, "v": 7] as Item, into: table)
      #expect(writer.pendingCount == 5)
      try await writer.flush()
      var plain = BatchWriter(client: client)
      plain.delete(key: ["pk": "a", "sk": 1], from: table)
      plain.delete(key: ["pk": "a", "sk": 1], from: table)
      #expect(plain.pendingCount == 2, "tables not in keyAttributes are not deduplicated")

      func value(_ pk: String, _ sk: Int) async throws -> AttributeValue? {
        try await client.getItem(GetItemInput(tableName: table, key: ["pk": .s(pk), "sk": .number(sk)])).item?["v"]
      }
      #expect(try await value("a", 0) == .number(27))
      #expect(try await value("a", 1) == .number(28))
      #expect(try await value("a", 2) == nil)
      #expect(try await value("a", 9) == nil)
      #expect(try await value("b", 0) == .number(7))
    }
  }

  @Test func transactionsCommitAllOrNothing() async throws {
    try await TestServer.withTable("txn") { client, table in
      _ = try await client.putItem(PutItemInput(tableName: table, item: ["pk": "account", "sk": 1, "balance": 100]))
      _ = try await client.putItem(PutItemInput(tableName: table, item: ["pk": "config", "sk": 1, "open": true]))
      let transfer = TransactWriteItemsInput(
        transactItems: [
          .update(
            tableName: table, key: ["pk": "account", "sk": 1], updateExpression: "SET balance = balance - :amount",
            conditionExpression: "balance >= :amount", expressionAttributeValues: [":amount": 30]),
          .put(
            tableName: table, item: ["pk": "ledger", "sk": 1, "amount": 30],
            conditionExpression: "attribute_not_exists(pk)"),
          .conditionCheck(
            tableName: table, key: ["pk": "config", "sk": 1], conditionExpression: "#open = :yes",
            expressionAttributeNames: ["#open": "open"], expressionAttributeValues: [":yes": true]),
        ],
        clientRequestToken: UUID().uuidString)
      _ = try await client.transactWriteItems(transfer)

      let snapshot = try await client.transactGetItems(
        TransactGetItemsInput(transactItems: [
          TransactGetItem(tableName: table, key: ["pk": "account", "sk": 1]),
          TransactGetItem(tableName: table, key: ["pk": "ledger", "sk": 1]),
          TransactGetItem(tableName: table, key: ["pk": "nobody", "sk": 1]),
        ]))
      #expect(snapshot.items.count == 3)
      #expect(snapshot.items[0]?["balance"] == 70)
      #expect(snapshot.items[1]?["amount"] == 30)
      #expect(snapshot.items[2] == nil)

      let overdraw = TransactWriteItemsInput(transactItems: [
        .put(tableName: table, item: ["pk": "ledger", "sk": 2, "amount": 500]),
        .update(
          tableName: table, key: ["pk": "account", "sk": 1], updateExpression: "SET balance = balance - :amount",
          conditionExpression: "balance >= :amount", expressionAttributeValues: [":amount": 500],
          returnValuesOnConditionCheckFailure: .allOld),
      ])
      let error = await #expect(throws: DynamoDBError.self) { try await client.transactWriteItems(overdraw) }
      #expect(error?.code == .transactionCanceled)
      #expect(error?.isConditionalCheckFailed == true)
      guard case .service(let details) = error else { return }
      #expect(details.cancellationReasons?.map(\.code) == [.noFailure, .conditionalCheckFailed])
      #expect(details.cancellationReasons?[1].item?["balance"] == 70)

      let ledger = try await client.getItem(GetItemInput(tableName: table, key: ["pk": "ledger", "sk": 2]))
      #expect(ledger.item == nil, "the cancelled transaction wrote nothing")
    }
  }
}
