import Synchronization

/// Carries a streamed response's chunks from the function's connection to whoever reads it, in order, holding at
/// most about `capacity` bytes: past that the function's side waits (and so, through TCP, does the function).
final class ChunkRelay: Sendable {
  /// How a relayed response ended.
  struct Ending: Sendable, Equatable {
    /// The error type from the trailers (or the server's own, e.g. `Sandbox.Timedout`); nil for success.
    var errorType: String?
    /// The error's JSON body.
    var errorBody: [UInt8]?
  }

  private struct State {
    var chunks: [[UInt8]] = []
    var buffered = 0
    var ending: Ending?
    var isCancelled = false
    var reader: CheckedContinuation<Void, Never>?
    var writer: CheckedContinuation<Void, Never>?
  }

  private let state = Mutex(State())
  private let capacity: Int

  init(capacity: Int = 1 << 20) {
    self.capacity = capacity
  }

  /// Adds a chunk; waits while the reader is more than `capacity` bytes behind. Dropped once the reader has gone.
  func send(_ chunk: [UInt8]) async {
    guard !chunk.isEmpty else { return }
    let (reader, mustWait) = state.withLock { state -> (CheckedContinuation<Void, Never>?, Bool) in
      guard !state.isCancelled, state.ending == nil else { return (nil, false) }
      state.chunks.append(chunk)
      state.buffered += chunk.count
      defer { state.reader = nil }
      return (state.reader, state.buffered > capacity)
    }
    reader?.resume()
    guard mustWait else { return }
    await withCheckedContinuation { continuation in
      let proceed = state.withLock { state -> Bool in
        if state.isCancelled || state.buffered <= capacity { return true }
        state.writer = continuation
        return false
      }
      if proceed { continuation.resume() }
    }
  }

  /// Ends the response; the first ending counts.
  func finish(_ ending: Ending) {
    let (reader, writer) = state.withLock {
      state -> (CheckedContinuation<Void, Never>?, CheckedContinuation<Void, Never>?) in
      if state.ending == nil { state.ending = ending }
      defer { (state.reader, state.writer) = (nil, nil) }
      return (state.reader, state.writer)
    }
    reader?.resume()
    writer?.resume()
  }

  /// The reader has gone: later chunks are dropped and the writer never waits.
  func cancel() {
    let writer = state.withLock { state -> CheckedContinuation<Void, Never>? in
      state.isCancelled = true
      state.chunks = []
      state.buffered = 0
      defer { state.writer = nil }
      return state.writer
    }
    writer?.resume()
  }

  /// The next chunk, or the ending once every chunk was read.
  func next() async -> Result<[UInt8], Ending> {
    while true {
      let (result, writer) = state.withLock {
        state -> (Result<[UInt8], Ending>?, CheckedContinuation<Void, Never>?) in
        if !state.chunks.isEmpty {
          let chunk = state.chunks.removeFirst()
          state.buffered -= chunk.count
          let writer = state.buffered <= capacity ? state.writer : nil
          if writer != nil { state.writer = nil }
          return (.success(chunk), writer)
        }
        if let ending = state.ending { return (.failure(ending), nil) }
        return (nil, nil)
      }
      if let result {
        writer?.resume()
        return result
      }
      await withCheckedContinuation { continuation in
        let ready = state.withLock { state -> Bool in
          if !state.chunks.isEmpty || state.ending != nil { return true }
          state.reader = continuation
          return false
        }
        if ready { continuation.resume() }
      }
    }
  }
}

extension ChunkRelay.Ending: Error {}
