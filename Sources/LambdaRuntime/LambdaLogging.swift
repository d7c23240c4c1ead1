import Logging
import Synchronization

/// Installs `LambdaLogHandler` as swift-log's handler, once per process: swift-log allows one bootstrap only.
enum LambdaLogging {
  private static let isInstalled = Atomic<Bool>(false)

  static func installOnce(environment: [String: String]) {
    guard !isInstalled.exchange(true, ordering: .acquiringAndReleasing) else { return }
    LoggingSystem.bootstrap { LambdaLogHandler(label: $0, environment: environment) }
  }
}
