import NIOCore

/// The body of a streamed response as the Runtime API takes it: a chunked `POST .../response` in real use.
///
/// Chunks leave in call order, and none after `finish`; the callback and the future say when each is done.
protocol ResponseStream: Sendable {
  /// Sends one chunk; `whenWritten` runs once it has been written (or has failed to be), possibly before `send`
  /// returns, so the caller must not hold a lock the callback takes.
  func send(_ chunk: ByteBuffer, whenWritten: @escaping @Sendable (Result<Void, any Error>) -> Void)

  /// Whether `sendInPlace` writes a chunk before it returns, so a caller's bytes can go out without a copy.
  var writesInPlace: Bool { get }

  /// Writes `bytes` as one chunk before it returns (a stream that `writesInPlace`).
  func sendInPlace(_ bytes: UnsafeRawBufferPointer) -> Result<Void, any Error>

  /// Ends the body, with `error` in the error trailers when the invocation failed after the first
  /// byte; the future completes with the Runtime API's status (202 when it took the response).
  func finish(error: ErrorReport?) -> EventLoopFuture<Int>
}

extension ResponseStream {
  /// A stream that queues its chunks needs a copy of each.
  var writesInPlace: Bool { false }

  func sendInPlace(_ bytes: UnsafeRawBufferPointer) -> Result<Void, any Error> {
    send(ByteBuffer(bytes: bytes)) { _ in }
    return .success(())
  }
}
