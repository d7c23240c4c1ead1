import DynamoDB
import LambdaRuntime

/// Wires the CarbonTrack handlers for the runtime (`bootstrap`) and for in-process runs (`carbontrack invoke`).
package enum CarbonTrackFunction {
  /// The registered handler names (`_HANDLER` values).
  package enum HandlerName {
    package static let api = "api"
    package static let action = "action"
    package static let selfTest = "selftest"
    package static let echo = "echo"
  }

  /// The `User-Agent` of the function's Runtime API requests.
  package static let userAgent = "carbontrack-swift-runtime/1.0"

  /// The function's one handler for the runtime: creates the shared DynamoDB client (closed on shutdown), registers
  /// `api`, `action`, `selftest` and `echo`, and serves each event with the one `_HANDLER` names (`router`, the
  /// default, chooses by the event's shape). An unknown `_HANDLER` is an initialisation error.
  package static func makeHandler(_ context: LambdaInitContext) async throws -> CarbonTrackHandler {
    let client = DynamoDBClient(logger: context.logger, environment: context.environment)
    context.onShutdown {
      do {
        try await client.shutdown()
      } catch {
        context.logger.warning("Closing the DynamoDB client failed: \(error)")
      }
    }
    let registry = try makeRegistry(client: client, environment: context.environment)
    return try CarbonTrackHandler(registry: registry, handlerSetting: context.environment["_HANDLER"])
  }

  /// Registers the handlers on an existing client (which the caller shuts down).
  package static func makeRegistry(client: any StoreDatabase, environment: [String: String]) throws -> HandlerRegistry {
    let store = CarbonTrackStore(client: client, tables: TableNames(environment: environment))
    let authMode = try AuthMode(environmentValue: environment["AUTH_MODE"])
    let cors = try CORSPolicy(environmentValue: environment["CORS_ALLOWED_ORIGINS"])
    let api = APIHandler(store: store, authMode: authMode, cors: cors)
    let action = ActionHandler(store: store)
    var registry = HandlerRegistry()
    registry.register(HandlerRegistry.routerName, EventShapeHandler(api: api, action: action))
    registry.register(HandlerName.api, api)
    registry.register(HandlerName.action, action)
    registry.register(HandlerName.selfTest, SelfTestHandler(store: store))
    registry.register(HandlerName.echo, RawClosureHandler { event, _ in event })
    return registry
  }
}
