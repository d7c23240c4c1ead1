#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Runs a `CodableLambdaHandler` as a raw one: JSON in, JSON out, decode failures as `InvalidEventError`.
struct CodableHandlerAdapter<Handler: CodableLambdaHandler>: RawLambdaHandler {
  let handler: Handler

  func handle(_ event: [UInt8], context: LambdaContext) async throws -> [UInt8] {
    let decoded: Handler.Event
    do {
      decoded = try JSONDecoder().decode(Handler.Event.self, from: Data(event))
    } catch let error as DecodingError {
      throw InvalidEventError(error)
    }
    let output = try await handler.handle(decoded, context: context)
    return Array(try JSONEncoder().encode(output))
  }
}
