/// A handler that streams its response: it writes chunks to a `LambdaResponseWriter`, each sent as it is written,
/// optionally after an HTTP status and headers for a function URL.
public protocol StreamingLambdaHandler: Sendable {
  /// Handles one invocation; the response ends when this returns.
  func handle(_ event: [UInt8], writer: LambdaResponseWriter, context: LambdaContext) async throws
}
