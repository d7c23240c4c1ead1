import DynamoDB
import Foundation
import Testing

@Suite("Query, scan and pagination against moto", .enabled(if: TestServer.isAvailable, "set DYNAMODB_ENDPOINT"))
struct QueryScanIntegrationTests {
  @Test func queryOptions() async throws {
    try await TestServer.withTable("query") { client, table in
      var writer = BatchWriter(client: client)
      for sk in 0..<30 {
        try writer.put(
          ["pk": "user#1", "sk": .number(sk), "gpk": sk.isMultiple(of: 2) ? "even" : "odd", "kg": .number(sk * 10)],
          into: table)
      }
      try writer.put(["pk": "user#2", "sk": 0, "gpk": "even"], into: table)
      try await writer.flush()

      let keyOnly = QueryInput(
        tableName: table, keyConditionExpression: "pk = :pk AND sk BETWEEN :low AND :high",
        expressionAttributeValues: [":pk": "user#1", ":low": 5, ":high": 14])
      let range = try await client.query(keyOnly)
      let rangeKeys: [AttributeValue?] = range.items.map { $0["sk"] }
      let expectedRange: [AttributeValue?] = (5...14).map { AttributeValue.n(String($0)) }
      #expect(rangeKeys == expectedRange)

      var descending = keyOnly
      descending.scanIndexForward = false
      descending.projectionExpression = "sk"
      let reversed = try await client.query(descending)
      #expect(reversed.items.first == ["sk": 14])

      var filtered = keyOnly
      filtered.filterExpression = "kg >= :kg"
      filtered.expressionAttributeValues?[":kg"] = 100
      let heavy = try await client.query(filtered)
      #expect(heavy.count == 5)
      #expect(heavy.scannedCount == 10)

      var counting = keyOnly
      counting.select = .count
      let counted = try await client.query(counting)
      #expect(counted.count == 10)
      #expect(counted.items.isEmpty)

      let byIndex = try await client.query(
        QueryInput(
          tableName: table, indexName: "gsi", keyConditionExpression: "gpk = :g",
          expressionAttributeValues: [":g": "even"]))
      #expect(byIndex.count == 16)

      var limited = QueryInput(
        tableName: table, keyConditionExpression: "pk = :pk", expressionAttributeValues: [":pk": "user#1"], limit: 7)
      let pages = try await Array(client.queryPaginator(limited))
      #expect(pages.map(\.items.count) == [7, 7, 7, 7, 2])
      let sortKeys: [String] = pages.flatMap(\.items).compactMap { $0["sk"]?.numberValue }
      let expectedKeys: [String] = (0..<30).map { String($0) }
      #expect(sortKeys == expectedKeys)
      let firstTwo = try await Array(client.queryPaginator(limited, maxPages: 2))
      #expect(firstTwo.count == 2)
      limited.exclusiveStartKey = firstTwo[1].lastEvaluatedKey
      #expect(try await client.query(limited).items.first?["sk"] == 14)

      let scanned = try await client.scanPaginator(ScanInput(tableName: table, limit: 10)).items()
      #expect(scanned.count == 31)
    }
  }

  @Test func paginationFollowsLastEvaluatedKeyPastOneMegabyte() async throws {
    try await TestServer.withTable("bigpages") { client, table in
      let payload = String(repeating: "x", count: 60_000)
      var writer = BatchWriter(client: client)
      for sk in 0..<40 { try writer.put(["pk": "p", "sk": .number(sk), "payload": .s(payload)], into: table) }
      try await writer.flush()

      let queryPages = try await Array(
        client.queryPaginator(
          QueryInput(tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "p"])))
      #expect(queryPages.count >= 2, "2.4 MB cannot come back in one 1 MB page")
      let queried = queryPages.flatMap(\.items)
      #expect(queried.count == 40)
      #expect(Set(queried.compactMap { $0["sk"] }).count == 40)

      let scanPages = try await Array(client.scanPaginator(ScanInput(tableName: table)))
      #expect(scanPages.count >= 2)
      #expect(scanPages.flatMap(\.items).count == 40)
    }
  }
}

extension Array {
  /// Collects an async sequence (test convenience).
  init<S: AsyncSequence>(_ sequence: S) async throws where S.Element == Element {
    self = []
    for try await element in sequence { append(element) }
  }
}
