/// Why a request got no response.
public enum HTTP1ConnectionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The URL is not `http://` or `https://` with a valid host and port.
  case invalidURL(String)
  /// No connection could be made (refused, unreachable, connect timeout, TLS handshake).
  case connectFailed(origin: String, reason: String)
  /// The server's certificate was not trusted or not for this host, or the TLS handshake failed otherwise.
  case tlsFailed(origin: String, reason: String)
  /// The connection ended before the whole response arrived.
  case connectionClosed(reason: String)
  /// No complete response within the request's timeout.
  case timedOut(afterMilliseconds: Int64)
  /// The response body was longer than the client accepts.
  case responseTooLarge(limit: Int)
  /// The client was shut down.
  case shutDown
  /// The request could not be written as HTTP/1.1: a header name that is not a token, a value or target with a
  /// line break or other control in it (which could split it into two requests), or a body it cannot frame.
  case invalidRequest(reason: String)

  public var description: String {
    switch self {
    case .invalidURL(let url): "invalid URL '\(url)': expected http:// or https:// with a host"
    case .connectFailed(let origin, let reason): "cannot connect to \(origin): \(reason)"
    case .tlsFailed(let origin, let reason): "TLS with \(origin) failed: \(reason)"
    case .connectionClosed(let reason): "connection closed before the response was complete: \(reason)"
    case .timedOut(let milliseconds): "no response within \(milliseconds) ms"
    case .responseTooLarge(let limit): "response body larger than \(limit) bytes"
    case .shutDown: "the HTTP client is shut down"
    case .invalidRequest(let reason): "the request cannot be sent: \(reason)"
    }
  }
}
