/// The AWS X-Ray trace header (`X-Amzn-Trace-Id`) that every DynamoDB request made in the current task carries, as
/// the AWS SDKs send a Lambda invocation's.
///
/// A task-local, not the process's `_X_AMZN_TRACE_ID`: work of two invocations (or an abandoned one and the next)
/// cannot mix up their headers. A handler sets it for its invocation:
///
/// ```swift
/// try await DynamoDBTraceHeader.$current.withValue(context.traceId) { try await handle(event) }
/// ```
public enum DynamoDBTraceHeader {
  /// The header for requests made in this task and its child tasks; nil sends none.
  @TaskLocal public static var current: String?

  static let name = "X-Amzn-Trace-Id"

  /// `current` when it can go on the wire as it is: printable ASCII, at most 2,048 bytes (an X-Ray header is far
  /// shorter); anything else is left out rather than altered.
  static var sendable: String? {
    guard var value = current, !value.isEmpty, value.utf8.count <= 2048,
      value.withUTF8({ $0.allSatisfy { (0x20...0x7E).contains($0) } })
    else { return nil }
    return value
  }
}
