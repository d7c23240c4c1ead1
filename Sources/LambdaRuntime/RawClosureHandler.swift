/// A `RawLambdaHandler` made from a closure.
public struct RawClosureHandler: RawLambdaHandler {
  private let body: @Sendable ([UInt8], LambdaContext) async throws -> [UInt8]

  /// Wraps `body` as a raw handler.
  public init(_ body: @escaping @Sendable ([UInt8], LambdaContext) async throws -> [UInt8]) {
    self.body = body
  }

  /// Calls the closure.
  public func handle(_ event: [UInt8], context: LambdaContext) async throws -> [UInt8] {
    try await body(event, context)
  }
}
