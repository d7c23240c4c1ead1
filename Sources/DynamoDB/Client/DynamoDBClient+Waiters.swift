extension DynamoDBClient {
  /// How long `waitUntilTableActive` waits unless told otherwise: new on-demand tables take seconds, indexes longer.
  public static let tableActiveTimeout: Duration = .seconds(120)
  /// How often `waitUntilTableActive` asks DescribeTable unless told otherwise.
  public static let tableActivePollInterval: Duration = .milliseconds(250)

  /// Polls DescribeTable until the table and its indexes are `ACTIVE`, or throws `deadlineExceeded` after `timeout`.
  @discardableResult
  public func waitUntilTableActive(
    _ tableName: String, timeout: Duration = DynamoDBClient.tableActiveTimeout,
    pollInterval: Duration = DynamoDBClient.tableActivePollInterval
  ) async throws -> TableDescription {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    var polls = 0
    while true {
      polls += 1
      let table = try await describeTable(DescribeTableInput(tableName: tableName)).table
      let indexesActive = (table.globalSecondaryIndexes ?? []).allSatisfy { ($0.indexStatus ?? .active) == .active }
      if table.tableStatus == .active && indexesActive { return table }
      guard ContinuousClock.now.advanced(by: pollInterval) < deadline else {
        throw DynamoDBError.deadlineExceeded(
          attempts: polls, lastError: "table \(tableName) is \(table.tableStatus?.rawValue ?? "unknown")")
      }
      try await Task.sleep(for: pollInterval)
    }
  }
}
