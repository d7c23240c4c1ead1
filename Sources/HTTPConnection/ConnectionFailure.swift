import Synchronization

/// The first error a connection reported, kept past its close: a request written after a failed TLS handshake
/// reports the handshake's error, not a bare "closed".
final class ConnectionFailure: Sendable {
  private let first = Mutex<HTTP1ConnectionError?>(nil)

  /// Keeps `error` unless one was recorded before; returns the one kept.
  func record(_ error: HTTP1ConnectionError) -> HTTP1ConnectionError {
    first.withLock { first in
      if first == nil { first = error }
      return first ?? error
    }
  }

  var recorded: HTTP1ConnectionError? { first.withLock { $0 } }
}
