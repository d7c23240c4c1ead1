import LambdaRuntime
import NIOCore
import NIOHTTP1
import NIOPosix

/// A Lambda Runtime API (plus `POST /2015-03-31/functions/function/invocations`) on loopback, for running `bootstrap` locally.
public final class LocalLambdaServer: Sendable {
  typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

  /// The settings the server was started with.
  public let configuration: LocalLambdaConfiguration
  /// The port actually bound.
  public let port: Int
  private let state: LocalLambdaState
  private let serverChannel: any Channel
  private let connections: ConnectionRegistry
  private let acceptLoop: Task<Void, Never>

  /// Binds and starts serving; `recordRequests` keeps every request for `recordedRequests()`.
  public static func start(
    _ configuration: LocalLambdaConfiguration = LocalLambdaConfiguration(),
    recordRequests: Bool = true,
    group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) async throws -> LocalLambdaServer {
    let server = try await ServerBootstrap(group: group)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
      .bind(host: configuration.host, port: configuration.port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          return try Connection(wrappingChannelSynchronously: channel)
        }
      }
    return LocalLambdaServer(
      configuration: configuration, server: server,
      state: LocalLambdaState(configuration: configuration, recordsRequests: recordRequests))
  }

  private init(
    configuration: LocalLambdaConfiguration, server: NIOAsyncChannel<Connection, Never>, state: LocalLambdaState
  ) {
    self.configuration = configuration
    self.port = server.channel.localAddress?.port ?? configuration.port
    self.state = state
    self.serverChannel = server.channel
    let connections = ConnectionRegistry()
    self.connections = connections
    let routes = LocalLambdaRoutes(state: state, configuration: configuration)
    // Unstructured: the accept loop lives as long as the server object; `shutdown()` ends it.
    self.acceptLoop = Task {
      try? await server.executeThenClose { inbound in
        try await withThrowingDiscardingTaskGroup { group in
          for try await connection in inbound {
            group.addTask { await LocalLambdaConnection(routes: routes, connections: connections).serve(connection) }
          }
        }
      }
    }
  }

  /// `host:port`, the value for `AWS_LAMBDA_RUNTIME_API`.
  public var runtimeAPIAddress: String { "\(configuration.host):\(port)" }

  /// The environment a function process needs to run against this server.
  public var functionEnvironment: [String: String] { configuration.functionEnvironment(port: port) }

  /// Notes that a function process was just started, so the first REPORT carries its init duration.
  public func markProcessStart() async {
    await state.markProcessStart()
  }

  /// Sends one event to the function and waits for its response, error or timeout.
  public func invoke(
    _ event: [UInt8],
    clientContext: String? = nil,
    cognitoIdentity: String? = nil,
    tenantId: String? = nil
  ) async throws -> LocalInvocationResult {
    guard event.count <= configuration.maxEventBytes else {
      throw LocalLambdaServerError.eventTooLarge(bytes: event.count, limit: configuration.maxEventBytes)
    }
    let invocation = QueuedInvocation(
      event: event, clientContext: clientContext, cognitoIdentity: cognitoIdentity, tenantId: tenantId)
    return try await state.invoke(invocation)
  }

  /// Every request received so far, in order (empty when recording is off).
  public func recordedRequests() async -> [RecordedRequest] {
    await state.recorded
  }

  /// The `/runtime/init/error` request, once the function reported one.
  public func initError() async -> RecordedRequest? {
    await state.initError
  }

  /// Stops listening, fails waiting invocations and closes every connection.
  public func shutdown() async {
    await state.shutDown()
    try? await serverChannel.close()
    connections.closeAll()
    await acceptLoop.value
  }
}
