import Logging
import NIOCore

/// What a function's setup code gets: its environment, a logger and a place to register shutdown work.
public struct LambdaInitContext: Sendable {
  public let environment: [String: String]
  /// The runtime's logger (not tied to any invocation).
  public let logger: Logger
  /// The event loop group the runtime uses; share it with HTTP clients to keep one thread.
  public let eventLoopGroup: any EventLoopGroup
  private let actions: ShutdownActions

  /// Creates a context; used by the runtime and for local in-process runs.
  public init(environment: [String: String], logger: Logger, eventLoopGroup: any EventLoopGroup) {
    self.environment = environment
    self.logger = logger
    self.eventLoopGroup = eventLoopGroup
    self.actions = ShutdownActions()
  }

  /// Registers work to run on SIGTERM or exit (e.g. closing an HTTP client); runs in reverse order.
  public func onShutdown(_ action: @escaping @Sendable () async -> Void) {
    actions.append(action)
  }

  /// Runs the registered shutdown actions once, newest first; returns how many ran.
  @discardableResult
  public func runShutdownActions() async -> Int {
    let pending = actions.takeAll()
    for action in pending.reversed() {
      await action()
    }
    return pending.count
  }
}
