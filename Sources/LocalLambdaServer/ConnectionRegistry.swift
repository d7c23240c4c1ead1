import NIOCore
import Synchronization

/// The server's open connections, so shutting down can close them (as a failing Runtime API would).
final class ConnectionRegistry: Sendable {
  private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

  func add(_ channel: any Channel) {
    channels.withLock { $0[ObjectIdentifier(channel)] = channel }
  }

  func remove(_ channel: any Channel) {
    _ = channels.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
  }

  func closeAll() {
    let open = channels.withLock { Array($0.values) }
    for channel in open { channel.close(promise: nil) }
  }
}
