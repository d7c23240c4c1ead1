import LambdaRuntime

/// The named handlers of a function plus the router that picks one by the shape of an event; `_HANDLER` names the
/// handler that serves every event, or `router` for the router's choice.
package struct HandlerRegistry: Sendable {
  /// The `_HANDLER` value that routes each event by its shape.
  package static let routerName = "router"

  private let router: @Sendable ([UInt8]) -> String?
  private var handlers: [String: any RawLambdaHandler] = [:]

  /// Creates an empty registry; `router` maps event bytes to a registered handler name (nil → `Function.InvalidEvent`).
  package init(router: @escaping @Sendable ([UInt8]) -> String?) {
    self.router = router
  }

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

  /// Throws `HandlerRegistryError.unknownHandlerSetting` unless `handlerName` is `router` or registered.
  package func validate(handlerName: String) throws(HandlerRegistryError) {
    if handlerName != Self.routerName, handlers[handlerName] == nil {
      throw .unknownHandlerSetting(handlerName, registered: names)
    }
  }

  /// Runs the event through the named handler, or through the router's choice for `router`.
  package func handle(_ event: [UInt8], handlerName: String, context: LambdaContext) async throws -> [UInt8] {
    try await handler(for: event, named: handlerName).handle(event, context: context)
  }

  /// Runs the event as `handle(_:handlerName:context:)` does, letting a handler that can stream (the API's export)
  /// write to `writer`; the others answer with a whole response.
  package func handle(
    _ event: [UInt8], handlerName: String, writer: LambdaResponseWriter, context: LambdaContext
  ) async throws {
    let handler = try handler(for: event, named: handlerName)
    if let streaming = handler as? any StreamingLambdaHandler {
      try await streaming.handle(event, writer: writer, context: context)
    } else {
      try writer.respond(try await handler.handle(event, context: context))
    }
  }

  private func handler(for event: [UInt8], named handlerName: String) throws -> any RawLambdaHandler {
    var name = handlerName
    if name == Self.routerName, handlers[name] == nil {
      guard let routed = router(event) else {
        throw InvalidEventError.unrecognised("no handler accepts an event of this shape")
      }
      name = routed
    }
    guard let handler = handlers[name] else {
      throw HandlerRegistryError.unknownHandler(name, registered: names)
    }
    return handler
  }
}
