import HTTPConnection
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// A small HTTP/1.1 client for API calls: keep-alive connections per origin, TLS through swift-nio-ssl (system
/// trust roots, certificate and host name verified), a timeout per request and whole bodies in and out.
/// It is `Sendable`; share one per process and call `shutdown()` after the last request.
public final class HTTP1Client: Sendable {
  public struct Configuration: Sendable {
    public var connectTimeout: Duration = .seconds(5)
    /// Idle connections older than this are closed instead of reused (servers drop theirs after about a minute).
    public var idleTimeout: Duration = .seconds(50)
    public var maxIdleConnectionsPerOrigin = 16
    public var maxResponseBytes = 64 << 20
    public var tls: TLSConfiguration = .makeClientConfiguration()

    public init() {}
  }

  private struct State {
    var pools: [HTTP1Origin: HTTP1ConnectionPool] = [:]
    var tls: NIOSSLContext?
    var isShutDown = false
  }

  /// A process-wide client with the default configuration, for code that has no client of its own; never shut
  /// down.
  public static let shared = HTTP1Client()

  public let configuration: Configuration
  private let group: any EventLoopGroup
  private let state = Mutex(State())
  private static let userAgent = "carbontrack-keepalive-http/1.0"

  public init(
    eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, configuration: Configuration = .init()
  ) {
    self.group = eventLoopGroup
    self.configuration = configuration
  }

  /// Sends `method` to `url` with `headers` and `body`; returns the whole response, whatever its status.
  /// `Host`, `Content-Length` and `User-Agent` are added when `headers` lacks them.
  public func execute(
    _ method: HTTPMethod, url: String, headers: HTTPHeaders = [:], body: [UInt8] = [], timeout: Duration
  ) async throws -> HTTP1Response {
    guard let origin = HTTP1Origin(url: url) else { throw HTTP1ConnectionError.invalidURL(url) }
    return try await execute(
      method, origin: origin, target: Self.pathAndQuery(of: url, origin: origin), headers: headers, body: body,
      timeout: timeout)
  }

  /// Sends `method` for `target` (path and query, as on the request line) to `origin`, for callers that parse
  /// their URL once and send to it many times; otherwise as `execute(_:url:headers:body:timeout:)`.
  public func execute(
    _ method: HTTPMethod, origin: HTTP1Origin, target: String, headers: HTTPHeaders = [:], body: [UInt8] = [],
    timeout: Duration
  ) async throws -> HTTP1Response {
    let pool = try pool(for: origin)
    var head = HTTPRequestHead(version: .http1_1, method: method, uri: target)
    head.headers = headers
    if !headers.contains(name: "Host") { head.headers.add(name: "Host", value: origin.authority) }
    if !headers.contains(name: "User-Agent") { head.headers.add(name: "User-Agent", value: Self.userAgent) }
    if !body.isEmpty || method == .POST || method == .PUT {
      head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
    }
    let connection = try await pool.lease()
    do {
      let response = try await connection.send(head: head, body: body, timeout: timeout)
      pool.release(connection, reusable: response.keepAlive)
      return response
    } catch {
      connection.close()
      throw error
    }
  }

  /// Closes every idle connection and refuses further requests. Safe to call more than once.
  public func shutdown() async {
    let pools = state.withLock { state in
      state.isShutDown = true
      return Array(state.pools.values)
    }
    for pool in pools { await pool.shutdown() }
  }

  private func pool(for origin: HTTP1Origin) throws -> HTTP1ConnectionPool {
    try state.withLock { state throws -> HTTP1ConnectionPool in
      guard !state.isShutDown else { throw HTTP1ConnectionError.shutDown }
      if let pool = state.pools[origin] { return pool }
      var tls: NIOSSLContext?
      if origin.isTLS {
        // Loading the trust roots costs milliseconds, so it waits for the first https origin.
        if state.tls == nil { state.tls = try NIOSSLContext(configuration: configuration.tls) }
        tls = state.tls
      }
      let pool = HTTP1ConnectionPool(origin: origin, group: group, tls: tls, configuration: configuration)
      state.pools[origin] = pool
      return pool
    }
  }

  private static func pathAndQuery(of url: String, origin: HTTP1Origin) -> String {
    let schemeLength = origin.isTLS ? 8 : 7
    let afterAuthority = url.dropFirst(schemeLength + origin.authority.count)
    let withoutFragment = afterAuthority.prefix(while: { $0 != "#" })
    if withoutFragment.isEmpty { return "/" }
    return withoutFragment.hasPrefix("?") ? "/" + withoutFragment : String(withoutFragment)
  }
}
