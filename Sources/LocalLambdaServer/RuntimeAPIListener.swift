import NIOCore
import NIOHTTP1
import NIOPosix

/// One listening socket of the local server and the connections it accepted: the server's own port, or the
/// Runtime API port of one function process.
final class RuntimeAPIListener: Sendable {
  typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

  /// The port actually bound.
  let port: Int
  private let serverChannel: any Channel
  private let connections: ConnectionRegistry
  private let acceptLoop: Task<Void, Never>

  /// Binds `host:port` (0 picks a free port) and serves each accepted connection with `serve`.
  static func bind(
    host: String, port: Int, group: any EventLoopGroup,
    serve: @escaping @Sendable (Connection, ConnectionRegistry) async -> Void
  ) async throws -> RuntimeAPIListener {
    let server = try await ServerBootstrap(group: group)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
      .bind(host: host, port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          return try Connection(wrappingChannelSynchronously: channel)
        }
      }
    return RuntimeAPIListener(server: server, fallbackPort: port, serve: serve)
  }

  private init(
    server: NIOAsyncChannel<Connection, Never>, fallbackPort: Int,
    serve: @escaping @Sendable (Connection, ConnectionRegistry) async -> Void
  ) {
    port = server.channel.localAddress?.port ?? fallbackPort
    serverChannel = server.channel
    let connections = ConnectionRegistry()
    self.connections = connections
    // Unstructured: the accept loop lives as long as the listener; `close()` ends it.
    acceptLoop = Task {
      try? await server.executeThenClose { inbound in
        try await withThrowingDiscardingTaskGroup { group in
          for try await connection in inbound {
            group.addTask { await serve(connection, connections) }
          }
        }
      }
    }
  }

  /// Stops accepting and closes every connection (as a failing Runtime API would).
  func close() async {
    try? await serverChannel.close()
    connections.closeAll()
    await acceptLoop.value
  }
}
