import Foundation
import Synchronization

/// The last 4 KB of each invocation's log, for `X-Amz-Log-Type: Tail` (`X-Amz-Log-Result`), as Lambda gives it:
/// `START`, what the function wrote to stdout and stderr while it had the invocation, then `END`.
///
/// Only functions the server starts itself with no output handles of their own are heard: their output comes
/// through pipes, which are read here and passed on to the server's own stdout and stderr unchanged.
final class InvocationLogTail: Sendable {
  /// Lambda's limit for `LogResult`.
  static let limit = 4096

  private struct State {
    /// The invocation each sandbox is serving.
    var current: [Int: String] = [:]
    var sandboxOf: [String: Int] = [:]
    var lines: [String: [UInt8]] = [:]
    /// The read ends of each sandbox's pipes, to wait for what is still in them.
    var pipes: [Int: [Int32]] = [:]
  }

  private let state = Mutex(State())

  /// Pipes for a function process in `sandbox`: hand `standardOutput` and `standardError` to it, then call
  /// `closeWriteEnds` once it runs.
  func pipes(for sandbox: Int) -> (standardOutput: Pipe, standardError: Pipe) {
    let pipes = (Pipe(), Pipe())
    state.withLock { $0.pipes[sandbox] = [pipes.0, pipes.1].map { $0.fileHandleForReading.fileDescriptor } }
    relay(pipes.0.fileHandleForReading, to: .standardOutput, sandbox: sandbox)
    relay(pipes.1.fileHandleForReading, to: .standardError, sandbox: sandbox)
    return pipes
  }

  /// `requestId` was handed to the function in `sandbox`.
  func begin(_ requestId: String, sandbox: Int) {
    state.withLock { state in
      // An earlier invocation nobody asked the tail of is dropped, so the tails kept stay one per sandbox.
      if let previous = state.current[sandbox] {
        state.lines[previous] = nil
        state.sandboxOf[previous] = nil
      }
      state.current[sandbox] = requestId
      state.sandboxOf[requestId] = sandbox
      state.lines[requestId] = Array("START RequestId: \(requestId) Version: $LATEST\n".utf8)
    }
  }

  /// The invocation's log tail, base64-encoded, once what its function wrote before answering has been read.
  func take(_ requestId: String) async -> String {
    let pipes = state.withLock { state in state.sandboxOf[requestId].flatMap { state.pipes[$0] } } ?? []
    await waitUntilRead(pipes)
    let bytes = state.withLock { state -> [UInt8] in
      if let sandbox = state.sandboxOf.removeValue(forKey: requestId), state.current[sandbox] == requestId {
        state.current[sandbox] = nil
      }
      return (state.lines.removeValue(forKey: requestId) ?? []) + Array("END RequestId: \(requestId)\n".utf8)
    }
    return Data(bytes.suffix(Self.limit)).base64EncodedString()
  }

  private func append(_ bytes: Data, sandbox: Int) {
    state.withLock { state in
      guard let requestId = state.current[sandbox] else { return }
      var lines = state.lines[requestId] ?? []
      lines += bytes
      if lines.count > 2 * Self.limit { lines.removeFirst(lines.count - Self.limit) }
      state.lines[requestId] = lines
    }
  }

  /// Passes everything from `source` on to `destination` and into the current invocation's tail, on a thread of its
  /// own (the reads block) until the function's side closes.
  private func relay(_ source: FileHandle, to destination: FileHandle, sandbox: Int) {
    Thread.detachNewThread { [self] in
      while true {
        let bytes = source.availableData
        if bytes.isEmpty { break }
        append(bytes, sandbox: sandbox)
        destination.write(bytes)
      }
      state.withLock { $0.pipes[sandbox] = nil }
      try? source.close()
    }
  }

  /// Waits (at most 200 ms) until `pipes` hold nothing unread: output the function wrote before it answered is in
  /// them by then, and the relay threads take it at once.
  private func waitUntilRead(_ pipes: [Int32]) async {
    let deadline = ContinuousClock.now + .milliseconds(200)
    while ContinuousClock.now < deadline {
      let pending = pipes.reduce(0) { total, descriptor in
        var count: Int32 = 0
        return ioctl(descriptor, UInt(FIONREAD), &count) == 0 ? total + Int(count) : total
      }
      if pending == 0 { break }
      try? await Task.sleep(for: .milliseconds(2))
    }
    // The relay thread may still be between its read and its append.
    try? await Task.sleep(for: .milliseconds(5))
  }
}
