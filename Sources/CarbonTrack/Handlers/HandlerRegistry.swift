import LambdaRuntime

/// The named handlers of a function; `_HANDLER` names the one that serves every event, `router` (the default) being
/// the one that picks by each event's shape.
package struct HandlerRegistry: Sendable {
  /// The `_HANDLER` value of the handler that serves each event by its shape, used when `_HANDLER` names none.
  package static let routerName = "router"

  private var handlers: [String: any RawLambdaHandler] = [:]

  package init() {}

  /// Registers a handler that works on bytes.
  package mutating func register(_ name: String, _ handler: some RawLambdaHandler) {
    handlers[name] = handler
  }

  /// The names of the registered handlers, sorted.
  package var names: [String] { handlers.keys.sorted() }

  /// Maps a `_HANDLER` value to the handler name to use: unset, empty and `bootstrap` mean `router`.
  package static func normalisedName(_ handlerSetting: String?) -> String {
    guard let setting = handlerSetting, !setting.isEmpty, setting != "bootstrap" else { return routerName }
    return setting
  }

  /// Throws `HandlerRegistryError.unknownHandlerSetting` unless `handlerName` is registered.
  package func validate(handlerName: String) throws(HandlerRegistryError) {
    if handlers[handlerName] == nil {
      throw .unknownHandlerSetting(handlerName, registered: names)
    }
  }

  /// Runs the event through the named handler.
  package func handle(_ event: [UInt8], handlerName: String, context: LambdaContext) async throws -> [UInt8] {
    try await handler(named: handlerName).handle(event, context: context)
  }

  /// Runs the event as `handle(_:handlerName:context:)` does, letting a handler that can stream (the API's export)
  /// write to `writer`; the others answer with a whole response.
  package func handle(
    _ event: [UInt8], handlerName: String, writer: LambdaResponseWriter, context: LambdaContext
  ) async throws {
    let handler = try handler(named: handlerName)
    if let streaming = handler as? any StreamingLambdaHandler {
      try await streaming.handle(event, writer: writer, context: context)
    } else {
      try writer.respond(try await handler.handle(event, context: context))
    }
  }

  private func handler(named name: String) throws(HandlerRegistryError) -> any RawLambdaHandler {
    guard let handler = handlers[name] else { throw .unknownHandler(name, registered: names) }
    return handler
  }
}
