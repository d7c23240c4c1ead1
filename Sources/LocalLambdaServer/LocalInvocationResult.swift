/// How an invocation through the local server ended.
public struct LocalInvocationResult: Sendable, Equatable {
  /// The request id the function saw.
  public var requestId: String
  /// The response body (a streamed one as it arrived, function URL prelude included), or the error JSON when the
  /// error came instead of a response.
  public var body: [UInt8]
  /// The reported error type (e.g. `Function.InvalidEvent`), nil on success.
  public var errorType: String?
  /// Time from handing the event to the function until its answer (the end of a streamed one).
  public var duration: Duration
  /// Whether the function streamed its response.
  public var isStreamed = false
  /// A streamed response's content type.
  public var contentType: String?
  /// How a streamed response failed after it had started (its body then holds what came before).
  public var streamError: LocalStreamError?

  /// Whether the function answered with a response that did not fail.
  public var isSuccess: Bool { errorType == nil }

  public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
