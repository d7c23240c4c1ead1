import LambdaRuntime

/// The `router` handler, which serves when `_HANDLER` is unset, `bootstrap` or `router`: it hands each event to the
/// API or the action handler by its `EventShape`, passing an API event on already decoded.
struct EventShapeHandler: RawLambdaHandler, StreamingLambdaHandler {
  let api: APIHandler
  let action: ActionHandler

  func handle(_ event: [UInt8], context: LambdaContext) async throws -> [UInt8] {
    switch try Self.shape(of: event) {
    case .action: try await action.handle(event, context: context)
    case .api(let decoded): try await api.answer(APIHandler.parse(decoded.get()), context: context)
    }
  }

  func handle(_ event: [UInt8], writer: LambdaResponseWriter, context: LambdaContext) async throws {
    switch try Self.shape(of: event) {
    case .action: try writer.respond(try await action.handle(event, context: context))
    case .api(let decoded): try await api.stream(APIHandler.parse(decoded.get()), writer: writer, context: context)
    }
  }

  private static func shape(of event: [UInt8]) throws -> EventShape {
    guard let shape = EventShape.of(event) else {
      throw InvalidEventError.unrecognised("no handler accepts an event of this shape")
    }
    return shape
  }
}
