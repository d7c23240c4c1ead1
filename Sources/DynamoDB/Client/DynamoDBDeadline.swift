/// The deadline that bounds every DynamoDB call (including its retries) made in the current task.
public enum DynamoDBDeadline {
  /// The active deadline, if any; set it with `DynamoDBDeadline.$current.withValue(...)` or `run(until:_:)`.
  @TaskLocal public static var current: ContinuousClock.Instant?

  /// Runs `operation` with every DynamoDB call bounded by `deadline` (the earlier one wins when nested).
  public static func run<T>(
    until deadline: ContinuousClock.Instant, _ operation: () async throws -> T
  ) async rethrows -> T {
    let effective = current.map { min($0, deadline) } ?? deadline
    return try await $current.withValue(effective, operation: operation)
  }
}
