import NIOCore

/// The body of a streamed response as the Runtime API takes it: a chunked `POST .../response` in real use.
///
/// Both calls only queue their work, in call order, and return at once; the futures say when it is done.
protocol ResponseStream: Sendable {
  /// Queues one chunk; `whenWritten` runs once it has been written (or has failed to be), never before `send`
  /// returns: the caller may hold a lock the callback takes.
  func send(_ chunk: ByteBuffer, whenWritten: @escaping @Sendable (Result<Void, any Error>) -> Void)

  /// Queues the end of the body, with `error` in the error trailers when the invocation failed after the first
  /// byte; the future completes with the Runtime API's status (202 when it took the response).
  func finish(error: ErrorReport?) -> EventLoopFuture<Int>
}
