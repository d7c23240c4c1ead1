import DynamoDB

extension CarbonTrackStore {
  /// The key schema of each table: partition key `userId` plus the table's sort key, if any.
  var keySchemas: [(table: String, sortKey: String?)] {
    [
      (tables.users, nil), (tables.entries, "timestamp"), (tables.goals, "goalId"),
      (tables.achievements, "achievementId"),
    ]
  }

  /// Creates any of the four tables that do not exist (on-demand billing) and waits until all are active.
  /// Returns the names it created.
  @discardableResult
  package func createTables() async throws -> [String] {
    var created: [String] = []
    for (table, sortKey) in keySchemas {
      var schema = [KeySchemaElement.hash("userId")]
      var attributes = [AttributeDefinition(attributeName: "userId", attributeType: .s)]
      if let sortKey {
        schema.append(.range(sortKey))
        attributes.append(AttributeDefinition(attributeName: sortKey, attributeType: .s))
      }
      do {
        _ = try await client.createTable(
          CreateTableInput(
            tableName: table, keySchema: schema, attributeDefinitions: attributes, billingMode: .payPerRequest))
        created.append(table)
      } catch let error as DynamoDBError where error.code == .resourceInUse {
        continue
      }
    }
    for table in tables.all {
      try await client.waitUntilTableActive(
        table, timeout: DynamoDBClient.tableActiveTimeout, pollInterval: DynamoDBClient.tableActivePollInterval)
    }
    // Idempotency records expire a day after they are written (see IdempotencyRecord).
    if created.contains(tables.entries) {
      _ = try await client.updateTimeToLive(
        UpdateTimeToLiveInput(
          tableName: tables.entries,
          timeToLiveSpecification: TimeToLiveSpecification(attributeName: "expiresAt", enabled: true)))
    }
    return created
  }

  /// Deletes the four tables (missing ones are skipped); returns the names it deleted.
  @discardableResult
  package func deleteTables() async throws -> [String] {
    var deleted: [String] = []
    for table in tables.all {
      do {
        _ = try await client.deleteTable(DeleteTableInput(tableName: table))
        deleted.append(table)
      } catch let error as DynamoDBError where error.code == .resourceNotFound {
        continue
      }
    }
    return deleted
  }

  /// Each table's status (`MISSING` for one that does not exist) and item count.
  package func describeTables() async throws -> [TableStatusSummary] {
    var result: [TableStatusSummary] = []
    for table in tables.all {
      do {
        let description = try await client.describeTable(DescribeTableInput(tableName: table)).table
        result.append(
          TableStatusSummary(
            name: table, status: description.tableStatus?.rawValue ?? "UNKNOWN", itemCount: description.itemCount))
      } catch let error as DynamoDBError where error.code == .resourceNotFound {
        result.append(TableStatusSummary(name: table, status: "MISSING"))
      }
    }
    return result
  }
}
