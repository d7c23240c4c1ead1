/// A handler whose event is decoded from JSON and whose output is encoded to JSON by the runtime.
public protocol CodableLambdaHandler: Sendable {
  /// The decoded event type.
  associatedtype Event: Decodable & Sendable
  /// The output type, encoded as the response body.
  associatedtype Output: Encodable & Sendable

  /// Handles one invocation; a thrown error is reported to Lambda as `Function.<Name>` (see `ErrorReport`).
  func handle(_ event: Event, context: LambdaContext) async throws -> Output
}
