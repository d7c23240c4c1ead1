import Dispatch
import SharedSupport

/// Delivers SIGTERM to a closure instead of letting it kill the process.
final class TerminationSignal {
  private let source: any DispatchSourceSignal

  init(_ action: @escaping @Sendable () -> Void) {
    signal(SIGTERM, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
    source.setEventHandler(handler: action)
    source.resume()
  }
}
