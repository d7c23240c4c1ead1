import NIOCore
import SharedSupport
import Synchronization

/// A TCP connection whose reads and writes block the calling thread.
///
/// The Runtime API is a request and its answer, one at a time, on the sandbox's loopback: a thread that waits in
/// `recv` costs nothing, while a NIO channel pays for a pipeline, an `epoll` wake-up and a continuation on each side
/// of every exchange. Writes never raise `SIGPIPE`; a broken connection is an error.
final class BlockingSocket: Sendable {
  enum Failure: Error, CustomStringConvertible {
    case system(call: String, errno: Int32)
    case timedOut
    case closed

    var description: String {
      switch self {
      case .system(let call, let code): "\(call): \(String(cString: strerror(code)))"
      case .timedOut: "the connection was not established in time"
      case .closed: "the connection was closed"
      }
    }
  }

  private let descriptor: Int32
  /// Set by `close()`, so the descriptor is closed once and never used after that.
  private let isClosed = Atomic(false)

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit {
    if !isClosed.load(ordering: .relaxed) { _ = SharedSupport.close(descriptor) }
  }

  /// Connects to `host:port` (an address or a name), trying each resolved address within `timeout`.
  static func connect(host: String, port: Int, timeout: Duration) throws(Failure) -> BlockingSocket {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var found: UnsafeMutablePointer<addrinfo>?
    let resolved = getaddrinfo(host, String(port), &hints, &found)
    guard resolved == 0, let first = found else {
      throw .system(call: "getaddrinfo(\(host))", errno: resolved == EAI_SYSTEM ? errno : EINVAL)
    }
    defer { freeaddrinfo(first) }
    var lastFailure = Failure.closed
    var candidate: UnsafeMutablePointer<addrinfo>? = first
    while let info = candidate {
      do {
        return try connect(to: info.pointee, timeout: timeout)
      } catch {
        lastFailure = error
      }
      candidate = info.pointee.ai_next
    }
    throw lastFailure
  }

  /// A non-blocking connect bounded by `poll`, so an address that never answers fails in `timeout`; the socket then
  /// blocks again for its whole life.
  private static func connect(to info: addrinfo, timeout: Duration) throws(Failure) -> BlockingSocket {
    let descriptor = socket(info.ai_family, info.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), info.ai_protocol)
    guard descriptor >= 0 else { throw .system(call: "socket", errno: errno) }
    let connection = BlockingSocket(descriptor: descriptor)
    let flags = fcntl(descriptor, F_GETFL)
    _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
    if SharedSupport.connect(descriptor, info.ai_addr, info.ai_addrlen) != 0 {
      guard errno == EINPROGRESS else { throw .system(call: "connect", errno: errno) }
      var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
      let ready = poll(&waiting, 1, Int32(clamping: timeout.wholeMilliseconds(roundingUp: true)))
      guard ready > 0 else { throw ready == 0 ? .timedOut : .system(call: "poll", errno: errno) }
      var problem: Int32 = 0
      var size = socklen_t(MemoryLayout<Int32>.size)
      getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &problem, &size)
      guard problem == 0 else { throw .system(call: "connect", errno: problem) }
    }
    _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK)
    // Requests are written whole; Nagle would hold back the small ones behind an unacknowledged segment.
    var on: Int32 = 1
    setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    return connection
  }

  /// Writes every readable byte of `buffers`, in order, with as few system calls as the kernel allows.
  func write(_ buffers: [ByteBuffer]) throws(Failure) {
    try Self.withReadableBytes(of: buffers[...]) { pieces throws(Failure) in try write(pieces) }
  }

  /// Writes `head`'s readable bytes, then `body`, in one system call where the kernel takes them at once.
  func write(_ head: ByteBuffer, then body: UnsafeRawBufferPointer) throws(Failure) {
    try head.withUnsafeReadableBytes { head throws(Failure) in try write([head, body]) }
  }

  /// Writes every byte of `pieces`, in order; `sendmsg` with `MSG_NOSIGNAL` turns a peer's close into `EPIPE`
  /// instead of a signal.
  func write(_ pieces: [UnsafeRawBufferPointer]) throws(Failure) {
    // Where the unwritten bytes start: piece `next`, `offset` bytes in. Walked in place, with no filtered copy of
    // `pieces`: a stream calls this once per chunk, and growing a fresh array cost more than the framing.
    var next = 0
    var offset = 0
    while true {
      while next < pieces.count, pieces[next].count == offset {
        next += 1
        offset = 0
      }
      guard next < pieces.count else { return }
      let written = withUnsafeTemporaryAllocation(of: iovec.self, capacity: Self.maximumPiecesPerCall) { vectors in
        var count = 0
        var skip = offset
        for piece in pieces[next...] where count < Self.maximumPiecesPerCall {
          if let base = piece.baseAddress, piece.count > skip {
            let start = UnsafeMutableRawPointer(mutating: base + skip)
            vectors[count] = iovec(iov_base: start, iov_len: piece.count - skip)
            count += 1
          }
          skip = 0
        }
        var message = msghdr()
        message.msg_iov = vectors.baseAddress
        message.msg_iovlen = numericCast(count)
        return sendmsg(descriptor, &message, Int32(MSG_NOSIGNAL))
      }
      guard written >= 0 else {
        if errno == EINTR { continue }
        throw errno == EPIPE || errno == ECONNRESET ? .closed : .system(call: "sendmsg", errno: errno)
      }
      var remaining = written
      while remaining > 0 {
        let left = pieces[next].count - offset
        if remaining >= left {
          remaining -= left
          next += 1
          offset = 0
        } else {
          offset += remaining
          remaining = 0
        }
      }
    }
  }

  /// How many pieces one `sendmsg` gathers; more than any request here has (a head, a chunk's three pieces).
  private static let maximumPiecesPerCall = 16

  /// Calls `body` with the readable bytes of every buffer, each valid for the call.
  private static func withReadableBytes<Result>(
    of buffers: ArraySlice<ByteBuffer>, _ pieces: [UnsafeRawBufferPointer] = [],
    _ body: ([UnsafeRawBufferPointer]) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    guard let first = buffers.first else { return try body(pieces) }
    return try first.withUnsafeReadableBytes { bytes throws(Failure) in
      try withReadableBytes(of: buffers.dropFirst(), pieces + [bytes], body)
    }
  }

  /// Reads what has arrived (waiting for at least one byte) into `buffer`; throws `.closed` at the end of the stream.
  func read(into buffer: inout ByteBuffer, atMost limit: Int) throws(Failure) {
    let descriptor = descriptor
    var failure: Int32 = 0
    let count = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: limit) { space in
      var count: Int
      repeat {
        count = recv(descriptor, space.baseAddress, min(space.count, limit), 0)
      } while count < 0 && errno == EINTR
      if count < 0 { failure = errno }
      return max(count, 0)
    }
    guard count > 0 else {
      throw failure == 0 || failure == ECONNRESET ? .closed : .system(call: "recv", errno: failure)
    }
  }

  /// Ends the connection in both directions, waking a thread blocked in `read`; the descriptor stays valid.
  func shutdown() {
    _ = SharedSupport.shutdown(descriptor, Int32(SHUT_RDWR))
  }

  func close() {
    guard !isClosed.exchange(true, ordering: .relaxed) else { return }
    _ = SharedSupport.close(descriptor)
  }
}
