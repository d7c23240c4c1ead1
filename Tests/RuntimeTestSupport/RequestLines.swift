import Synchronization

/// A thread-safe list of request lines.
package final class RequestLines: Sendable {
  private let lines = Mutex<[String]>([])

  package init() {}

  package var all: [String] { lines.withLock { $0 } }

  package func append(_ line: String) {
    lines.withLock { $0.append(line) }
  }
}
