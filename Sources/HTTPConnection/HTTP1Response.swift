import NIOHTTP1

/// A complete response: status line, headers and the whole body.
public struct HTTP1Response: Sendable {
  public let status: Int
  public let headers: HTTPHeaders
  public let body: [UInt8]
  /// Whether the connection may carry another request (HTTP/1.1 keep-alive, no `Connection: close`).
  package let keepAlive: Bool
}
