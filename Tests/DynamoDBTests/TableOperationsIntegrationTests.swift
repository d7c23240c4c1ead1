import DynamoDB
import Foundation
import Testing

@Suite("Table operations against moto", .enabled(if: TestServer.isAvailable, "set DYNAMODB_ENDPOINT to a moto server"))
struct TableOperationsIntegrationTests {
  @Test func createDescribeListTTLDelete() async throws {
    try await TestServer.withClient { client in try await lifecycle(client) }
  }

  private func lifecycle(_ client: DynamoDBClient) async throws {
    let name = TestServer.uniqueTableName("tables")
    let created = try await client.createTable(
      CreateTableInput(
        tableName: name, keySchema: [.hash("id")],
        attributeDefinitions: [AttributeDefinition(attributeName: "id", attributeType: .s)]))
    #expect(created.tableDescription.tableName == name)

    let active = try await client.waitUntilTableActive(name)
    #expect(active.tableStatus == .active)
    #expect(active.keySchema == [.hash("id")])

    let described = try await client.describeTable(DescribeTableInput(tableName: name)).table
    #expect(described.attributeDefinitions == [AttributeDefinition(attributeName: "id", attributeType: .s)])

    var names: [String] = []
    var start: String?
    repeat {
      let page = try await client.listTables(ListTablesInput(exclusiveStartTableName: start, limit: 5))
      names += page.tableNames
      start = page.lastEvaluatedTableName
    } while start != nil
    #expect(names.contains(name))

    let ttl = try await client.updateTimeToLive(
      UpdateTimeToLiveInput(
        tableName: name, timeToLiveSpecification: TimeToLiveSpecification(attributeName: "expiresAt", enabled: true)))
    #expect(ttl.timeToLiveSpecification == TimeToLiveSpecification(attributeName: "expiresAt", enabled: true))

    let duplicate = await #expect(throws: DynamoDBError.self) {
      try await client.createTable(
        CreateTableInput(
          tableName: name, keySchema: [.hash("id")],
          attributeDefinitions: [AttributeDefinition(attributeName: "id", attributeType: .s)]))
    }
    #expect(duplicate?.code == .resourceInUse)

    _ = try await client.deleteTable(DeleteTableInput(tableName: name))
    let gone = await #expect(throws: DynamoDBError.self) {
      try await client.describeTable(DescribeTableInput(tableName: name))
    }
    #expect(gone?.code == .resourceNotFound)
  }
}
