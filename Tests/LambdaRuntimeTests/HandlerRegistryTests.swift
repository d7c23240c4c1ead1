import Testing

@testable import LambdaRuntime

@Suite("HandlerRegistry")
struct HandlerRegistryTests {
  struct Greeting: Decodable, Sendable { var name: String }
  struct Reply: Encodable, Sendable { var text: String }

  private func makeRegistry() -> HandlerRegistry {
    var registry = HandlerRegistry(router: { event in event.first == UInt8(ascii: "{") ? "greet" : nil })
    registry.register("echo", RawClosureHandler { event, _ in event })
    registry.register("greet", CodableClosureHandler { (event: Greeting, _) in Reply(text: "hi \(event.name)") })
    return registry
  }

  @Test func namedHandlerServesEveryEvent() async throws {
    let output = try await makeRegistry().handle(Array("[1]".utf8), handlerName: "echo", context: LambdaContext())
    #expect(output == Array("[1]".utf8))
  }

  @Test func routerPicksByShapeAndCodableHandlersEncodeJSON() async throws {
    let output = try await makeRegistry().handle(
      Array(#"{"name":"Ada"}"#.utf8), handlerName: "router", context: LambdaContext())
    #expect(String(decoding: output, as: UTF8.self) == #"{"text":"hi Ada"}"#)
  }

  @Test func routerWithoutMatchIsInvalidEvent() async {
    await #expect(throws: InvalidEventError.self) {
      try await makeRegistry().handle(Array("42".utf8), handlerName: "router", context: LambdaContext())
    }
  }

  @Test func codableDecodeFailureNamesTheField() async {
    await #expect(throws: InvalidEventError.missingField("name")) {
      try await makeRegistry().handle(Array("{}".utf8), handlerName: "greet", context: LambdaContext())
    }
  }

  @Test func handlerSettingIsNormalisedAndValidated() throws {
    #expect(HandlerRegistry.normalisedName(nil) == "router")
    #expect(HandlerRegistry.normalisedName("") == "router")
    #expect(HandlerRegistry.normalisedName("bootstrap") == "router")
    #expect(HandlerRegistry.normalisedName("api") == "api")
    let registry = makeRegistry()
    try registry.validate(handlerName: "router")
    try registry.validate(handlerName: "echo")
    #expect(throws: HandlerRegistryError.unknownHandler("api", registered: ["echo", "greet"])) {
      try registry.validate(handlerName: "api")
    }
  }
}
