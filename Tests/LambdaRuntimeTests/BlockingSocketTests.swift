import Dispatch
import NIOCore
import Synchronization
import Testing

@testable import LambdaRuntime

#if canImport(Glibc)
  import Glibc
#endif

@Suite("BlockingSocket writes")
struct BlockingSocketTests {
  /// What the peer read, from its own thread.
  final class Received: Sendable {
    let bytes = Mutex<[UInt8]>([])
    let done = DispatchSemaphore(value: 0)
  }

  @Test func everyPieceArrivesOnceAndInOrderAcrossSeveralCallsAndEmptyPieces() throws {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { _ = Glibc.close(listener) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    try withUnsafeMutablePointer(to: &address) { pointer in
      try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
        try #require(bind(listener, address, length) == 0)
        try #require(listen(listener, 1) == 0)
        try #require(getsockname(listener, address, &length) == 0)
      }
    }
    let socket = try BlockingSocket.connect(
      host: "127.0.0.1", port: Int(UInt16(bigEndian: address.sin_port)), timeout: .seconds(5))
    let peer = accept(listener, nil, nil)
    try #require(peer >= 0)
    defer { _ = Glibc.close(peer) }

    // More than one call's 16 pieces, so the second call starts where the first one's pieces end; empty pieces
    // among them (first and last too), which must not be sent as empty vectors or counted; and one of 4 MiB, more
    // than the socket buffers hold. (A blocking sendmsg returns short only when a signal interrupts it, which a test
    // cannot time; resuming inside a piece is the same arithmetic as resuming after one.)
    let sizes = (0..<23).map { $0 % 5 == 0 ? 0 : $0 == 7 ? 4 << 20 : $0 * 3 } + [0]
    var expected: [UInt8] = []
    for (index, size) in sizes.enumerated() { expected += Array(repeating: UInt8(index), count: size) }

    let received = Received()
    DispatchQueue.global().async {
      var buffer = [UInt8](repeating: 0, count: 65_536)
      while true {
        let count = buffer.withUnsafeMutableBytes { recv(peer, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { break }
        received.bytes.withLock { $0 += buffer[..<count] }
      }
      received.done.signal()
    }

    try expected.withUnsafeBytes { bytes in
      var start = 0
      let pieces = sizes.map { size in
        defer { start += size }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<start + size])
      }
      try socket.write(pieces)
    }
    socket.shutdown()
    #expect(received.done.wait(timeout: .now() + 30) == .success)
    let bytes = received.bytes.withLock { $0 }
    #expect(bytes.count == expected.count)
    #expect(bytes == expected)
  }
}
