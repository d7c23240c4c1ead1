import DynamoDB
import LambdaRuntime

/// The CarbonTrack function as the runtime sees it: one handler that hands each event to the handler `_HANDLER`
/// names, or to the one the event's shape calls for. It is a streaming handler so that one route (the API's
/// export) can stream; every other answer is a whole response (`LambdaResponseWriter.respond`).
package struct CarbonTrackHandler: StreamingLambdaHandler {
  let registry: HandlerRegistry
  /// The normalised `_HANDLER` value.
  let handlerName: String

  /// Serves with `registry`'s handler named by `handlerSetting` (`_HANDLER`; unset means `router`); throws
  /// `HandlerRegistryError.unknownHandlerSetting` for a name that is not registered.
  package init(registry: HandlerRegistry, handlerSetting: String?) throws(HandlerRegistryError) {
    let name = HandlerRegistry.normalisedName(handlerSetting)
    try registry.validate(handlerName: name)
    self.registry = registry
    self.handlerName = name
  }

  /// Every DynamoDB request the invocation makes carries its trace header, taken from the context rather than the
  /// process-wide `_X_AMZN_TRACE_ID`, which a late request of an earlier invocation would read wrong.
  package func handle(_ event: [UInt8], writer: LambdaResponseWriter, context: LambdaContext) async throws {
    try await DynamoDBTraceHeader.$current.withValue(context.traceId) {
      try await registry.handle(event, handlerName: handlerName, writer: writer, context: context)
    }
  }

  /// The whole answer to `event`, for in-process use; a route that only streams answers 406 here.
  package func handle(_ event: [UInt8], context: LambdaContext) async throws -> [UInt8] {
    try await DynamoDBTraceHeader.$current.withValue(context.traceId) {
      try await registry.handle(event, handlerName: handlerName, context: context)
    }
  }
}
