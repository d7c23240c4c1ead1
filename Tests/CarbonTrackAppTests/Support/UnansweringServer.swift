import Foundation
import Synchronization

/// A loopback TCP server that accepts connections and reads nothing, answers nothing: a DynamoDB that has stopped
/// responding. It counts the connections it accepted, so a test knows a request is under way.
final class UnansweringServer: Sendable {
  let port: Int
  private let descriptor: Int32
  private let accepted = AcceptedConnections()

  init() throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    self.descriptor = descriptor
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard descriptor >= 0, bound == 0, listen(descriptor, 16) == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    port = Int(UInt16(bigEndian: address.sin_port))
    let accepted = accepted
    // A thread of its own: accept(2) blocks, and must not hold up a Swift concurrency thread.
    Thread.detachNewThread {
      while true {
        let connection = accept(descriptor, nil, nil)
        guard connection >= 0 else { return }
        accepted.add(connection)
      }
    }
  }

  /// How many connections were accepted so far.
  var connectionCount: Int { accepted.count }

  deinit {
    shutdown(descriptor, Int32(SHUT_RDWR))
    close(descriptor)
    accepted.closeAll()
  }
}

/// The accepted sockets, held open so their peers keep waiting.
private final class AcceptedConnections: Sendable {
  private let descriptors = Mutex<[Int32]>([])

  var count: Int { descriptors.withLock { $0.count } }

  func add(_ descriptor: Int32) {
    descriptors.withLock { $0.append(descriptor) }
  }

  func closeAll() {
    for descriptor in descriptors.withLock({ $0 }) { close(descriptor) }
  }
}
