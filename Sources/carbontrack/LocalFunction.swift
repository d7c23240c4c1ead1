import CarbonTrack
import DynamoDB
import LambdaRuntime

/// The function wired for in-process use (the `carbontrack` CLI): same registry and store as on Lambda.
struct LocalFunction: Sendable {
  /// The handlers, exactly as `bootstrap` registers them.
  let registry: HandlerRegistry
  /// The store they use.
  let store: CarbonTrackStore

  /// Runs `body` with a function configured from `environment`, closing the DynamoDB client afterwards.
  static func with<T>(
    environment: [String: String], _ body: (LocalFunction) async throws -> T
  ) async throws -> T {
    let client = DynamoDBClient(environment: environment)
    let function = LocalFunction(
      registry: try CarbonTrackFunction.makeRegistry(client: client, environment: environment),
      store: CarbonTrackStore(client: client, tables: TableNames(environment: environment)))
    do {
      let result = try await body(function)
      try await client.shutdown()
      return result
    } catch {
      try? await client.shutdown()
      throw error
    }
  }

  /// Invokes `event` through the registry as Lambda would (handler `router` unless named).
  func invoke(_ event: [UInt8], handler: String = HandlerRegistry.routerName) async throws -> [UInt8] {
    try await registry.handle(event, handlerName: handler, context: LambdaContext(isColdStart: true))
  }
}
