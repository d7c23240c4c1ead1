import Synchronization

/// Numbers the server's connections, so the state can tell which connection a `/next` waits on.
final class ConnectionNumbers: Sendable {
  private let last = Atomic<Int>(0)

  func next() -> Int {
    last.add(1, ordering: .relaxed).newValue
  }
}
