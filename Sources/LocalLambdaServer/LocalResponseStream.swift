/// A response the function is streaming, read as it arrives: each element is a chunk as the function sent it.
///
/// Iteration ends after the last chunk; when the function reported an error after the first byte (in its error
/// trailers), or its process exited or timed out mid-stream, it ends by throwing `LocalStreamError`.
public struct LocalResponseStream: AsyncSequence, Sendable {
  public typealias Element = [UInt8]

  /// The request id the function saw.
  public let requestId: String
  /// The response's content type (`application/vnd.awslambda.http-integration-response` for a function URL
  /// response, whose body starts with the prelude).
  public let contentType: String
  let relay: ChunkRelay

  public struct AsyncIterator: AsyncIteratorProtocol {
    let relay: ChunkRelay
    var isDone = false

    public mutating func next() async throws(LocalStreamError) -> [UInt8]? {
      guard !isDone else { return nil }
      switch await relay.next() {
      case .success(let chunk):
        return chunk
      case .failure(let ending):
        isDone = true
        guard let errorType = ending.errorType else { return nil }
        throw LocalStreamError(errorType: errorType, errorBody: ending.errorBody ?? [])
      }
    }
  }

  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(relay: relay)
  }

  /// Stops reading: what the function sends next is dropped.
  public func cancel() {
    relay.cancel()
  }
}

/// How a streamed response failed after it had started.
public struct LocalStreamError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The error type, e.g. `Function.Timeout` from the function's trailers or `Runtime.ExitError` from the server.
  public var errorType: String
  /// The error's JSON body (`{"errorMessage":…,"errorType":…}`).
  public var errorBody: [UInt8]

  public var description: String { "\(errorType): \(String(decoding: errorBody, as: UTF8.self))" }
}

/// What an invocation answered: a whole response (or error), or a stream.
public enum LocalInvocationAnswer: Sendable {
  /// A buffered response, or an error reported before any byte was streamed.
  case complete(LocalInvocationResult)
  /// A streamed response, readable as it arrives.
  case streamed(LocalResponseStream)
}
