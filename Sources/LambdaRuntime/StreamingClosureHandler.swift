/// A `StreamingLambdaHandler` made from a closure.
public struct StreamingClosureHandler: StreamingLambdaHandler {
  private let body: @Sendable ([UInt8], LambdaResponseWriter, LambdaContext) async throws -> Void

  /// Wraps `body` as a streaming handler.
  public init(_ body: @escaping @Sendable ([UInt8], LambdaResponseWriter, LambdaContext) async throws -> Void) {
    self.body = body
  }

  /// Calls the closure.
  public func handle(_ event: [UInt8], writer: LambdaResponseWriter, context: LambdaContext) async throws {
    try await body(event, writer, context)
  }
}
