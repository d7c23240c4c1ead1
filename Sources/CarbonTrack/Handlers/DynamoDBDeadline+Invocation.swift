import DynamoDB
import LambdaRuntime

extension DynamoDBDeadline {
  /// Time kept back from the invocation's deadline, so that a slow DynamoDB turns into a clean 503 or error answer
  /// instead of a Lambda timeout.
  static let invocationMargin: Duration = .milliseconds(500)

  /// Runs `body` with every DynamoDB call it makes, retries included, bounded by the invocation's deadline minus
  /// `invocationMargin`.
  static func run<T>(within context: LambdaContext, _ body: () async throws -> T) async throws -> T {
    try await run(until: ContinuousClock.now.advanced(by: context.remainingTime - invocationMargin), body)
  }
}
