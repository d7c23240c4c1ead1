import DynamoDB
import LambdaRuntime
import Testing

@testable import CarbonTrack

@Suite("HandlerRegistry and CarbonTrackHandler")
struct HandlerRegistryTests {
  struct Refusal: Error {}

  private func makeRegistry() -> HandlerRegistry {
    var registry = HandlerRegistry()
    registry.register("echo", RawClosureHandler { event, _ in event })
    registry.register(
      "router", RawClosureHandler { event, _ in Array(String(decoding: event, as: UTF8.self).uppercased().utf8) })
    return registry
  }

  @Test func aNamedHandlerServesEveryEvent() async throws {
    let output = try await makeRegistry().handle(Array("[1]".utf8), handlerName: "echo", context: LambdaContext())
    #expect(output == Array("[1]".utf8))
  }

  @Test func anUnsetHandlerSettingServesWithTheRouter() async throws {
    let output = try await makeRegistry().handle(
      Array(#"{"name":"ada"}"#.utf8), handlerName: HandlerRegistry.normalisedName(nil), context: LambdaContext())
    #expect(String(decoding: output, as: UTF8.self) == #"{"NAME":"ADA"}"#)
  }

  @Test func anUnregisteredNameIsHandlerNotFound() async {
    await #expect(throws: HandlerRegistryError.unknownHandler("nope", registered: ["echo", "router"])) {
      try await makeRegistry().handle(Array("{}".utf8), handlerName: "nope", context: LambdaContext())
    }
  }

  @Test func theRouterWithoutAMatchIsAnInvalidEvent() async throws {
    let registry = try CarbonTrackFunction.makeRegistry(
      client: DynamoDBClient(environment: [:]), environment: [:])
    for event in ["42", "[1]", #"{"hello":"world"}"#, "not json"] {
      await #expect(throws: InvalidEventError.self, "\(event)") {
        try await registry.handle(Array(event.utf8), handlerName: "router", context: LambdaContext())
      }
    }
  }

  @Test func theHandlerSettingIsNormalisedAndValidated() throws {
    #expect(HandlerRegistry.normalisedName(nil) == "router")
    #expect(HandlerRegistry.normalisedName("") == "router")
    #expect(HandlerRegistry.normalisedName("bootstrap") == "router")
    #expect(HandlerRegistry.normalisedName("api") == "api")
    let registry = makeRegistry()
    try registry.validate(handlerName: "router")
    try registry.validate(handlerName: "echo")
    #expect(throws: HandlerRegistryError.unknownHandlerSetting("api", registered: ["echo", "router"])) {
      try registry.validate(handlerName: "api")
    }
  }

  @Test func anUnknownHandlerSettingIsTheRuntimeCategoryInitError() throws {
    #expect(throws: HandlerRegistryError.unknownHandlerSetting("nope", registered: ["echo", "router"])) {
      try CarbonTrackHandler(registry: makeRegistry(), handlerSetting: "nope")
    }
    let report = ErrorReport(functionError: HandlerRegistryError.unknownHandlerSetting("nope", registered: ["echo"]))
    #expect(report.errorType == "Runtime.HandlerNotFound")
    #expect(report.errorMessage == "No handler named 'nope'. Registered handlers: echo.")
  }

  @Test func theCarbonTrackHandlerServesWithTheHandlerTheSettingNames() async throws {
    let echo = try CarbonTrackHandler(registry: makeRegistry(), handlerSetting: "echo")
    #expect(try await echo.handle(Array("{}".utf8), context: LambdaContext()) == Array("{}".utf8))
    let routed = try CarbonTrackHandler(registry: makeRegistry(), handlerSetting: nil)
    #expect(try await routed.handle(Array("{x}".utf8), context: LambdaContext()) == Array("{X}".utf8))
  }
}
