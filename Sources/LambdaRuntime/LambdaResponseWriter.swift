import NIOCore
import Synchronization

/// Where a streaming handler writes its response: each write goes to Lambda as it is made, not when the handler
/// returns.
///
/// ```swift
/// let runtime = LambdaRuntime(streaming: { event, writer, context in
///   try await writer.writeStatusAndHeaders(statusCode: 200, headers: ["content-type": "text/plain"])
///   for number in 1...3 {
///     try await writer.write("line \(number)\n")
///     try await Task.sleep(for: .seconds(1))
///   }
/// })
/// ```
///
/// The response ends when the handler returns. An error it throws, or a timeout, after the first byte reaches the
/// caller as Lambda's error trailers (`Lambda-Runtime-Function-Error-Type`, `Lambda-Runtime-Function-Error-Body`);
/// before the first byte it is an ordinary invocation error. A response is limited to 20 MiB
/// (`maximumResponseBytes`): the write that would pass it throws `StreamingResponseError.responseTooLarge` and the
/// invocation fails with `Function.ResponseSizeTooLarge`. Write from one task at a time.
public final class LambdaResponseWriter: Sendable {
  /// Lambda's limit for a streamed response: 20 MiB, counting the function URL prelude.
  public static let maximumResponseBytes = 20 * 1024 * 1024
  /// The content type of a response that does not start with `writeStatusAndHeaders`.
  static let plainContentType = "application/octet-stream"
  /// How many written bytes may still be on their way to the socket before a write waits for them. Waiting for
  /// every chunk would cost two thread crossings per write; this bounds the memory a fast writer can fill instead.
  static let unconfirmedLimit = 1 << 20

  /// How a response ended, for the runtime loop.
  enum Ending {
    /// The response had started (or was an empty success): the future gives the Runtime API's status; `report` is
    /// the error sent in the trailers, if any.
    case streamed(EventLoopFuture<Int>, report: ErrorReport?)
    /// Nothing was sent and the handler failed: the error goes to `/error` as for any handler.
    case nothingSent
    /// The handler answered with `respond(_:)`: a whole response, posted as a buffered one.
    case buffered([UInt8])
  }

  private enum Phase {
    case idle
    case streaming(any ResponseStream)
    case buffered([UInt8])
    case ended
  }

  private struct State {
    var phase = Phase.idle
    var bytesSent = 0
    var limitExceeded = false
    /// Bytes queued whose write has not completed yet.
    var unconfirmedBytes = 0
    /// The first write that failed (the connection broke): every later write throws it.
    var writeFailure: (any Error)?
    /// Writes waiting for `unconfirmedBytes` to fall to `unconfirmedLimit`.
    var waiters: [CheckedContinuation<Void, any Error>] = []
  }

  private let state = Mutex(State())
  private let open: @Sendable (_ contentType: String) -> any ResponseStream
  private let limit: Int
  private let buffers: ChunkBufferPool

  /// A writer whose first write opens the response with `open`; the bytes it copies go into `buffers`' buffers.
  init(
    limit: Int = maximumResponseBytes, buffers: ChunkBufferPool = ChunkBufferPool(),
    open: @escaping @Sendable (_ contentType: String) -> any ResponseStream
  ) {
    self.limit = limit
    self.buffers = buffers
    self.open = open
  }

  /// Starts a function URL response: the HTTP status, headers and cookies the caller gets, sent at once (the
  /// `application/vnd.awslambda.http-integration-response` prelude). Call it before any `write`, at most once.
  public func writeStatusAndHeaders(
    statusCode: Int = 200, headers: [String: String] = [:], cookies: [String] = []
  ) async throws {
    let prelude = FunctionURLPrelude.bytes(statusCode: statusCode, headers: headers, cookies: cookies)
    try await send(ByteBuffer(bytes: prelude), opening: FunctionURLPrelude.contentType, isPrelude: true)
  }

  /// Answers with `body` as an ordinary, buffered response instead of a stream, for a handler that streams only
  /// some of its invocations (a route of an API, say). Call it instead of any write, at most once; the response is
  /// posted when the handler returns, and is limited to 6 MiB as any buffered one.
  public func respond(_ body: [UInt8]) throws {
    try state.withLock { state throws(StreamingResponseError) in
      switch state.phase {
      case .idle: state.phase = .buffered(body)
      case .streaming: throw .statusAfterBody
      case .buffered, .ended: throw .closed
      }
    }
  }

  /// Sends `bytes` as the next part of the body.
  public func write(_ bytes: some Sequence<UInt8>) async throws {
    if try bytes.withContiguousStorageIfAvailable({ try sendInPlace(UnsafeRawBufferPointer($0)) }) == true { return }
    var chunk = buffers.take(capacity: bytes.underestimatedCount)
    chunk.writeBytes(bytes)
    try await send(chunk, opening: Self.plainContentType, isPrelude: false, recycled: true)
  }

  /// Sends `text`, UTF-8 encoded, as the next part of the body.
  public func write(_ text: String) async throws {
    if try text.utf8.withContiguousStorageIfAvailable({ try sendInPlace(UnsafeRawBufferPointer($0)) }) == true {
      return
    }
    var chunk = buffers.take(capacity: text.utf8.count)
    chunk.writeString(text)
    try await send(chunk, opening: Self.plainContentType, isPrelude: false, recycled: true)
  }

  /// Sends `buffer` as the next part of the body, without copying it.
  public func write(_ buffer: ByteBuffer) async throws {
    try await send(buffer, opening: Self.plainContentType, isPrelude: false)
  }

  /// The number of bytes sent so far (prelude included).
  public var bytesWritten: Int { state.withLock { $0.bytesSent } }

  /// Hands `chunk` to the stream (which may write it before it returns) and returns without waiting for it to be
  /// written, unless more than `unconfirmedLimit` bytes are then on their way.
  /// A `recycled` chunk's buffer goes back to `buffers` once written.
  private func send(
    _ chunk: ByteBuffer, opening contentType: String, isPrelude: Bool, recycled: Bool = false
  ) async throws {
    let size = chunk.readableBytes
    guard let stream = try reserve(size, opening: contentType, isPrelude: isPrelude, inPlace: false) else { return }
    // Sent outside the lock: a stream may write before it returns, and its callback takes the lock. The stream keeps
    // its chunks in order and refuses any after its end.
    stream.send(chunk) { [self] result in
      confirm(size, result)
      if recycled { buffers.giveBack(chunk) }
    }
    let mustWait = state.withLock { $0.unconfirmedBytes > Self.unconfirmedLimit }
    guard mustWait else { return }
    try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Void, any Error>) in
      let ready = state.withLock { state -> Result<Void, any Error>? in
        if let failure = state.writeFailure { return .failure(failure) }
        guard state.unconfirmedBytes > Self.unconfirmedLimit else { return .success(()) }
        state.waiters.append(waiter)
        return nil
      }
      if let ready { waiter.resume(with: ready) }
    }
  }

  /// Writes `bytes` straight from the caller's memory when the stream writes before it returns (the Runtime API's
  /// socket does): no copy, no buffer. Returns false, having done nothing, when the stream queues its chunks.
  private func sendInPlace(_ bytes: UnsafeRawBufferPointer) throws -> Bool {
    guard
      let stream = try reserve(bytes.count, opening: Self.plainContentType, isPrelude: false, inPlace: true)
    else {
      // Nothing was sent: an empty chunk (done, if the stream writes in place) or a stream that queues its chunks.
      return state.withLock { state in
        if case .streaming(let stream) = state.phase { return stream.writesInPlace }
        return false
      }
    }
    if case .failure(let error) = stream.sendInPlace(bytes) {
      state.withLock { state in
        if state.writeFailure == nil { state.writeFailure = error }
      }
      throw error
    }
    return true
  }

  /// Opens the response on the first write and accounts for `size` more bytes against the limit; nil when there is
  /// nothing to send (an empty chunk, or `inPlace` and a stream that queues its chunks).
  private func reserve(
    _ size: Int, opening contentType: String, isPrelude: Bool, inPlace: Bool
  ) throws -> (any ResponseStream)? {
    try state.withLock { state throws -> (any ResponseStream)? in
      if let failure = state.writeFailure { throw failure }
      let stream: any ResponseStream
      switch state.phase {
      case .ended, .buffered:
        throw StreamingResponseError.closed
      case .streaming where isPrelude:
        throw StreamingResponseError.statusAfterBody
      case .streaming(let open):
        stream = open
      case .idle:
        stream = open(contentType)
        state.phase = .streaming(stream)
      }
      if inPlace, !stream.writesInPlace { return nil }
      guard state.bytesSent + size <= limit else {
        state.limitExceeded = true
        throw StreamingResponseError.responseTooLarge(limit: limit)
      }
      guard size > 0 else { return nil }
      state.bytesSent += size
      if !inPlace { state.unconfirmedBytes += size }
      return stream
    }
  }

  /// Accounts for a chunk the connection has written (or failed to write), and lets waiting writes go on once few
  /// enough bytes are left on their way.
  private func confirm(_ size: Int, _ result: Result<Void, any Error>) {
    let (waiters, outcome) = state.withLock {
      state -> ([CheckedContinuation<Void, any Error>], Result<Void, any Error>) in
      state.unconfirmedBytes -= size
      if case .failure(let error) = result, state.writeFailure == nil { state.writeFailure = error }
      let outcome: Result<Void, any Error> = state.writeFailure.map { .failure($0) } ?? .success(())
      guard state.writeFailure != nil || state.unconfirmedBytes <= Self.unconfirmedLimit else { return ([], outcome) }
      defer { state.waiters.removeAll() }
      return (state.waiters, outcome)
    }
    for waiter in waiters { waiter.resume(with: outcome) }
  }

  /// Whether the streamed response has started on the connection, so that an error now belongs in its trailers.
  var isStreaming: Bool {
    state.withLock { state in
      if case .streaming = state.phase { return true }
      return false
    }
  }

  /// Ends the response once the handler has returned, thrown or timed out; later writes throw `.closed`.
  func finish(after outcome: Result<[UInt8], any Error>) -> Ending {
    state.withLock { state in
      let phase = state.phase
      state.phase = .ended
      var report: ErrorReport?
      if state.limitExceeded {
        report = ErrorReport(functionError: StreamingResponseError.responseTooLarge(limit: limit))
      } else if case .failure(let error) = outcome {
        report = ErrorReport(functionError: error)
      }
      switch phase {
      case .buffered(let body) where report == nil:
        return .buffered(body)
      case .streaming(let stream):
        return .streamed(stream.finish(error: report), report: report)
      case .idle where report == nil:
        // A handler that returned without writing: an empty response, still a streamed one.
        return .streamed(open(Self.plainContentType).finish(error: nil), report: nil)
      case .idle, .buffered, .ended:
        return .nothingSent
      }
    }
  }
}
