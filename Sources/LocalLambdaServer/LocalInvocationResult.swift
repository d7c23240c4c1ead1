import LambdaRuntime

/// How an invocation through the local server ended.
public struct LocalInvocationResult: Sendable, Equatable {
  /// The request id the function saw.
  public var requestId: String
  /// The response body, or the error JSON when `errorType` is set.
  public var body: [UInt8]
  /// The reported error type (e.g. `Function.InvalidEvent`), nil on success.
  public var errorType: String?
  /// Time from handing the event to the function until its answer.
  public var duration: Duration

  /// Whether the function answered with `/response`.
  public var isSuccess: Bool { errorType == nil }

  /// The body as UTF-8 text.
  public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
