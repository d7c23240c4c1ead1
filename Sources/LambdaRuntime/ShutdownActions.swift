import Synchronization

/// The shutdown actions shared by every copy of a `LambdaInitContext`.
final class ShutdownActions: Sendable {
  private let actions = Mutex<[@Sendable () async -> Void]>([])

  func append(_ action: @escaping @Sendable () async -> Void) {
    actions.withLock { $0.append(action) }
  }

  func takeAll() -> [@Sendable () async -> Void] {
    actions.withLock { list in
      defer { list = [] }
      return list
    }
  }
}
