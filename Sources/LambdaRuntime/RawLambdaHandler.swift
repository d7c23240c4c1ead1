/// A handler that receives the event bytes and returns the response bytes unchanged by the runtime.
public protocol RawLambdaHandler: Sendable {
  /// Handles one invocation; a thrown error is reported to Lambda as `Function.<Name>` (see `ErrorReport`).
  func handle(_ event: [UInt8], context: LambdaContext) async throws -> [UInt8]
}
