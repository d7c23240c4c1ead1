import HTTPConnection
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Idle keep-alive connections to one origin. A request takes an idle connection on the event loop it runs on
/// when there is one (so its I/O never crosses threads), else any idle one, else a new one on its own loop.
final class HTTP1ConnectionPool: Sendable {
  private struct Idle {
    let connection: HTTP1Connection
    let since: NIODeadline
  }

  private struct State {
    var idle: [Idle] = []
    var isShutDown = false
  }

  let origin: HTTP1Origin
  private let group: any EventLoopGroup
  /// The TLS handlers for an https origin, nil for http.
  private let setUp: HTTP1Connection.PipelineSetup?
  private let configuration: HTTP1Client.Configuration
  private let state = Mutex(State())

  init(origin: HTTP1Origin, group: any EventLoopGroup, tls: NIOSSLContext?, configuration: HTTP1Client.Configuration) {
    self.origin = origin
    self.group = group
    self.setUp = tls.map { TLSSetup.pipelineSetup(context: $0, origin: origin) }
    self.configuration = configuration
  }

  /// A connection the caller owns until it hands it back with `release` (or closes it).
  func lease() async throws -> HTTP1Connection {
    let current = MultiThreadedEventLoopGroup.currentEventLoop
    let oldest = NIODeadline.now() - .nanoseconds(configuration.idleTimeout.wholeNanoseconds)
    let (reused, stale) = try state.withLock { state throws(HTTP1ConnectionError) -> (HTTP1Connection?, [Idle]) in
      guard !state.isShutDown else { throw .shutDown }
      var stale: [Idle] = []
      state.idle.removeAll { idle in
        let expired = !idle.connection.channel.isActive || idle.since < oldest
        if expired { stale.append(idle) }
        return expired
      }
      let index = state.idle.lastIndex { $0.connection.channel.eventLoop === current } ?? state.idle.indices.last
      return (index.map { state.idle.remove(at: $0).connection }, stale)
    }
    for idle in stale { idle.connection.close() }
    if let reused { return reused }
    return try await HTTP1Connection.connect(
      to: origin, on: current ?? group.next(), connectTimeout: configuration.connectTimeout,
      maxResponseBytes: configuration.maxResponseBytes,
      setUp: setUp)
  }

  /// Takes a connection back after a complete response; `reusable` false (or a full pool) closes it.
  func release(_ connection: HTTP1Connection, reusable: Bool) {
    let kept = state.withLock { state in
      guard reusable, !state.isShutDown, connection.channel.isActive,
        state.idle.count < configuration.maxIdleConnectionsPerOrigin
      else { return false }
      state.idle.append(Idle(connection: connection, since: .now()))
      return true
    }
    if !kept { connection.close() }
  }

  /// Refuses new leases and closes the idle connections.
  func shutdown() async {
    let idle = state.withLock { state in
      state.isShutDown = true
      defer { state.idle = [] }
      return state.idle
    }
    for entry in idle { try? await entry.connection.channel.close() }
  }
}
