extension DynamoDBClient {
  /// Polls DescribeTable until the table and its indexes are `ACTIVE`, or throws `deadlineExceeded` after `timeout`.
  @discardableResult
  public func waitUntilTableActive(
    _ tableName: String, timeout: Duration = .seconds(120), pollInterval: Duration = .milliseconds(250)
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
