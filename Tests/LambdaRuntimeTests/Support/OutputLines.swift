import Foundation
import Synchronization

/// What a process writes to a pipe, line by line, each with the moment it arrived.
final class OutputLines: Sendable {
  private struct State {
    var lines: [(text: String, at: ContinuousClock.Instant)] = []
    var partial = ""
    var isClosed = false
  }

  private let state = Mutex(State())

  /// Starts reading `pipe` (as the process writes to it).
  init(_ pipe: Pipe) {
    pipe.fileHandleForReading.readabilityHandler = { [self] handle in
      let data = handle.availableData
      let now = ContinuousClock.now
      state.withLock { state in
        if data.isEmpty {
          state.isClosed = true
          if !state.partial.isEmpty { state.lines.append((state.partial, now)) }
          state.partial = ""
          return
        }
        state.partial += String(decoding: data, as: UTF8.self)
        var parts = state.partial.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        state.partial = parts.removeLast()
        state.lines += parts.map { ($0, now) }
      }
      if data.isEmpty { handle.readabilityHandler = nil }
    }
  }

  /// The complete lines so far.
  var lines: [(text: String, at: ContinuousClock.Instant)] { state.withLock { $0.lines } }

  /// The first capture of `pattern` in a line, waiting up to `limit` for it.
  func first(_ pattern: Regex<(Substring, Substring)>, limit: Duration = .seconds(20)) async -> String? {
    let stop = ContinuousClock.now + limit
    while ContinuousClock.now < stop {
      if let found = lines.lazy.compactMap({ try? pattern.firstMatch(in: $0.text)?.1 }).first { return String(found) }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return nil
  }

  /// Waits until the writer closed the pipe, at most `limit`; returns the lines.
  func untilClosed(limit: Duration = .seconds(30)) async -> [(text: String, at: ContinuousClock.Instant)] {
    let stop = ContinuousClock.now + limit
    while !state.withLock({ $0.isClosed }), ContinuousClock.now < stop {
      try? await Task.sleep(for: .milliseconds(10))
    }
    return lines
  }

  /// Waits until `writer` has exited (at most `limit`) and its output has been read; returns the lines, an unfinished
  /// last one included. The end of the pipe alone is not awaited: a process another test spawns at the wrong moment
  /// inherits the pipe's write end and holds it open long after `writer` is gone.
  func untilExit(of writer: Process, limit: Duration = .seconds(30)) async -> [(
    text: String, at: ContinuousClock.Instant
  )] {
    let stop = ContinuousClock.now + limit
    while writer.isRunning, ContinuousClock.now < stop {
      try? await Task.sleep(for: .milliseconds(10))
    }
    // What the writer wrote last may still be on its way to the handler.
    _ = await untilClosed(limit: .milliseconds(500))
    return state.withLock { state in
      state.partial.isEmpty ? state.lines : state.lines + [(state.partial, ContinuousClock.now)]
    }
  }
}
