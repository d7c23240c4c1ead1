/// A `CodableLambdaHandler` made from a closure.
public struct CodableClosureHandler<Event: Decodable & Sendable, Output: Encodable & Sendable>: CodableLambdaHandler {
  private let body: @Sendable (Event, LambdaContext) async throws -> Output

  /// Wraps `body` as a Codable handler.
  public init(_ body: @escaping @Sendable (Event, LambdaContext) async throws -> Output) {
    self.body = body
  }

  /// Calls the closure.
  public func handle(_ event: Event, context: LambdaContext) async throws -> Output {
    try await body(event, context)
  }
}
