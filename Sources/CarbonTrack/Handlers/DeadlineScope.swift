import DynamoDB
import LambdaRuntime

/// Bounds every DynamoDB call (retries included) by the invocation's deadline minus a safety margin, so that a
/// slow DynamoDB turns into a clean 503/error answer instead of a Lambda timeout.
enum DeadlineScope {
  static let margin: Duration = .milliseconds(500)

  static func run<T>(_ context: LambdaContext, _ body: () async throws -> T) async throws -> T {
    try await DynamoDBDeadline.run(until: ContinuousClock.now.advanced(by: context.remainingTime - margin), body)
  }
}
