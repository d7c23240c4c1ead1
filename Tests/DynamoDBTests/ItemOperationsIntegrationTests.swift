import DynamoDB
import Foundation
import Testing

@Suite("Item operations against moto", .enabled(if: TestServer.isAvailable, "set DYNAMODB_ENDPOINT to a moto server"))
struct ItemOperationsIntegrationTests {
  struct Entry: Codable, Equatable {
    var pk: String
    var sk: Int
    var kgCO2e: Double
    var exact: DynamoDBNumber
    var tags: Set<String>
    var note: String?
    var at: Date
  }

  @Test func putGetUpdateDeleteRoundTrip() async throws {
    try await TestServer.withTable("crud") { client, table in
      let entry = Entry(
        pk: "user#1", sk: 1, kgCO2e: 2.5, exact: DynamoDBNumber("12345678901234567890123456789012345678")!,
        tags: ["bike", "commute"], note: nil, at: Date(timeIntervalSince1970: 1_764_000_000.5))
      _ = try await client.putItem(PutItemInput(tableName: table, item: try DynamoDBEncoder().encode(entry)))

      let key: Item = ["pk": "user#1", "sk": 1]
      let read = try await client.getItem(GetItemInput(tableName: table, key: key, consistentRead: true))
      let item = try #require(read.item)
      #expect(item["exact"] == .n("12345678901234567890123456789012345678"), "38 digits survive the server")
      #expect(try DynamoDBDecoder().decode(Entry.self, from: item) == entry)

      let updated = try await client.updateItem(
        UpdateItemInput(
          tableName: table, key: key, updateExpression: "SET #n = :note ADD visits :one",
          expressionAttributeNames: ["#n": "note"], expressionAttributeValues: [":note": "hello", ":one": 1],
          returnValues: .allNew))
      #expect(updated.attributes?["note"] == .s("hello"))
      #expect(updated.attributes?["visits"] == .n("1"))

      let projected = try await client.getItem(
        GetItemInput(
          tableName: table, key: key, projectionExpression: "#n, visits", expressionAttributeNames: ["#n": "note"]))
      #expect(projected.item == ["note": "hello", "visits": 1])

      let deleted = try await client.deleteItem(DeleteItemInput(tableName: table, key: key, returnValues: .allOld))
      #expect(deleted.attributes?["pk"] == .s("user#1"))
      #expect(try await client.getItem(GetItemInput(tableName: table, key: key)).item == nil)
    }
  }

  @Test func conditionsFailWithTypedErrorAndOldItem() async throws {
    try await TestServer.withTable("cond") { client, table in
      let item: Item = ["pk": "a", "sk": 1, "version": 1]
      _ = try await client.putItem(
        PutItemInput(tableName: table, item: item, conditionExpression: "attribute_not_exists(pk)"))
      let error = await #expect(throws: DynamoDBError.self) {
        try await client.putItem(
          PutItemInput(
            tableName: table, item: ["pk": "a", "sk": 1, "version": 2], conditionExpression: "attribute_not_exists(pk)",
            returnValuesOnConditionCheckFailure: .allOld))
      }
      #expect(error?.code == .conditionalCheckFailed)
      #expect(error?.isConditionalCheckFailed == true)
      if case .service(let details) = error {
        #expect(details.statusCode == 400)
        #expect(details.item == item, "the old item comes back with ReturnValuesOnConditionCheckFailure=ALL_OLD")
      }

      let staleUpdate = await #expect(throws: DynamoDBError.self) {
        try await client.updateItem(
          UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "SET version = :new",
            conditionExpression: "version = :expected", expressionAttributeValues: [":new": 3, ":expected": 2]))
      }
      #expect(staleUpdate?.code == .conditionalCheckFailed)

      let guardedDelete = await #expect(throws: DynamoDBError.self) {
        try await client.deleteItem(
          DeleteItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], conditionExpression: "version > :v",
            expressionAttributeValues: [":v": 5]))
      }
      #expect(guardedDelete?.code == .conditionalCheckFailed)
      let still = try await client.getItem(GetItemInput(tableName: table, key: ["pk": "a", "sk": 1]))
      #expect(still.item == item)
    }
  }

  @Test func oversizedItemsAreRejectedBeforeSending() async throws {
    let huge: Item = ["pk": "x", "sk": 1, "blob": .s(String(repeating: "x", count: 410_000))]
    let error = try await TestServer.withClient { client in
      await #expect(throws: DynamoDBError.self) {
        try await client.putItem(PutItemInput(tableName: "no-such-table-needed", item: huge))
      }
    }
    guard case .itemTooLarge(let size, let limit) = error else {
      Issue.record("expected itemTooLarge, got \(String(describing: error))")
      return
    }
    #expect(size > limit)
    #expect(limit == 409_600)
  }

  @Test func serviceErrorsAreTyped() async throws {
    let missing = try await TestServer.withClient { client in
      await #expect(throws: DynamoDBError.self) {
        try await client.getItem(GetItemInput(tableName: TestServer.uniqueTableName("missing"), key: ["pk": "x"]))
      }
    }
    #expect(missing?.code == .resourceNotFound)
    #expect(missing?.description.contains("ResourceNotFoundException") == true)
  }
}

@Suite("Codable conveniences against moto", .enabled(if: TestServer.isAvailable, "set DYNAMODB_ENDPOINT"))
struct CodableConvenienceIntegrationTests {
  struct Reading: Codable, Equatable {
    var pk: String
    var sk: Int
    var kg: Double
  }

  @Test func putGetAndQueryTypedValues() async throws {
    try await TestServer.withTable("typed") { client, table in
      let readings = (1...3).map { Reading(pk: "meter", sk: $0, kg: Double($0) / 4) }
      for reading in readings { try await client.put(reading, into: table) }
      let again = await #expect(throws: DynamoDBError.self) {
        try await client.put(readings[0], into: table, conditionExpression: "attribute_not_exists(pk)")
      }
      #expect(again?.isConditionalCheckFailed == true)
      #expect(try await client.get(Reading.self, from: table, key: ["pk": "meter", "sk": 2]) == readings[1])
      #expect(try await client.get(Reading.self, from: table, key: ["pk": "meter", "sk": 9]) == nil)
      let all = try await client.queryAll(
        Reading.self,
        QueryInput(tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "meter"]))
      #expect(all == readings)
    }
  }
}
