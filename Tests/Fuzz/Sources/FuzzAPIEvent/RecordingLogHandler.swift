import Logging
import Synchronization

/// Keeps the messages a handler logs during one invocation, to tell why it answered 500.
struct RecordingLogHandler: LogHandler {
  final class Record: Sendable {
    let messages = Mutex<[String]>([])

    func contains(_ text: String) -> Bool {
      messages.withLock { $0.contains { $0.contains(text) } }
    }
  }

  let record: Record
  var logLevel: Logger.Level = .trace
  var metadata: Logger.Metadata = [:]

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    record.messages.withLock { $0.append(event.message.description) }
  }
}
