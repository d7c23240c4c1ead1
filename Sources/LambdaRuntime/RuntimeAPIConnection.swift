import HTTPConnection
import NIOCore
import NIOHTTP1
import Synchronization

/// One keep-alive HTTP/1.1 connection to the Runtime API on a blocking socket: a request written whole, then its
/// answer read on the same thread.
///
/// Answers are read on `owner`'s thread only (the decoder's `EmbeddedChannel` is bound to the thread that made it);
/// a caller elsewhere is moved there. Writes may come from any thread.
final class RuntimeAPIConnection: Sendable {
  /// Lambda's largest event is 6 MB; anything far beyond that is not a Runtime API answer.
  static let maxAnswerBytes = 64 << 20

  let socket: BlockingSocket
  /// The thread answers are read on, and the runtime's timers run on.
  let owner: any EventLoop
  /// `host:port`, the `Host` of every request.
  let address: String
  /// The caller's `User-Agent` (the function's, not the runtime's).
  let userAgent: String
  /// `Host` and `User-Agent`, the lines every request carries, written once.
  let commonFields: ByteBuffer
  /// Made on the owner's thread by the first read; held while a request and its answer are under way.
  private let reader = Mutex<RuntimeAPIResponseReader?>(nil)

  /// Connects to `address` (`host:port`, as in `AWS_LAMBDA_RUNTIME_API`).
  init(address: String?, owner: any EventLoop, userAgent: String) throws(RuntimeAPIError) {
    guard let address, let origin = HTTP1Origin(url: "http://" + address), origin.authority == address,
      address.hasSuffix(":\(origin.port)")
    else { throw .invalidAddress(address) }
    do {
      socket = try BlockingSocket.connect(host: origin.host, port: origin.port, timeout: .seconds(10))
    } catch {
      throw .connectionFailed(address: address, reason: error.description)
    }
    self.owner = owner
    self.address = address
    self.userAgent = userAgent
    var common = ByteBuffer()
    RuntimeAPIRequestHead.writeFields([("Host", address), ("User-Agent", userAgent)], to: &common)
    commonFields = common
  }

  /// The head of a request with `fields` after the common ones.
  func head(_ method: HTTPMethod, _ path: String, fields: [(String, String)]) -> ByteBuffer {
    RuntimeAPIRequestHead.bytes(method: method.rawValue, path: path, commonFields: commonFields, fields: fields)
  }

  /// Sends `head` (and `body`) and returns the answer, read on the owner's thread.
  func exchange(head: ByteBuffer, body: [UInt8]? = nil) async throws(RuntimeAPIError) -> RuntimeAPIResponse {
    if owner.inEventLoop { return try exchangeOnOwner(head: head, body: body) }
    return try await onOwnerThread { () throws(RuntimeAPIError) in try self.exchangeOnOwner(head: head, body: body) }
  }

  /// A request with `fields` and a JSON `body` (with its length); the answer is read on the owner's thread.
  func exchange(
    _ method: HTTPMethod, _ path: String, fields: [(String, String)], body: [UInt8]
  ) async throws(RuntimeAPIError) -> RuntimeAPIResponse {
    let fields = fields + [("Content-Type", "application/json"), ("Content-Length", String(body.count))]
    return try await exchange(head: head(method, path, fields: fields), body: body)
  }

  private func exchangeOnOwner(head: ByteBuffer, body: [UInt8]?) throws(RuntimeAPIError) -> RuntimeAPIResponse {
    try reader.withLock { reader throws(RuntimeAPIError) -> RuntimeAPIResponse in
      // The body goes out from the handler's own array: a megabyte answer is not copied on its way to the socket.
      let written = (body ?? []).withUnsafeBytes { body in
        Result { () throws(BlockingSocket.Failure) in try socket.write(head, then: body) }
      }
      if case .failure(let failure) = written { throw Self.runtimeAPIError(failure, address: address) }
      return try readAnswer(using: &reader)
    }
  }

  /// Reads the answer to a request already written (a streamed response's end), on the owner's thread.
  func answer() async throws(RuntimeAPIError) -> RuntimeAPIResponse {
    if owner.inEventLoop { return try answerOnOwner() }
    return try await onOwnerThread { () throws(RuntimeAPIError) in try self.answerOnOwner() }
  }

  /// `answer()` for a caller already on the owner's thread.
  func answerOnOwner() throws(RuntimeAPIError) -> RuntimeAPIResponse {
    try reader.withLock { reader throws(RuntimeAPIError) in try readAnswer(using: &reader) }
  }

  /// Writes `parts` in order, from any thread.
  func write(_ parts: [ByteBuffer]) throws(RuntimeAPIError) {
    do {
      try socket.write(parts)
    } catch {
      throw Self.runtimeAPIError(error, address: address)
    }
  }

  /// Writes `pieces` in order, from any thread.
  func write(_ pieces: [UnsafeRawBufferPointer]) throws(RuntimeAPIError) {
    do {
      try socket.write(pieces)
    } catch {
      throw Self.runtimeAPIError(error, address: address)
    }
  }

  /// Closes the connection and its decoder; on the owner's thread, the only one that may free the decoder.
  func closeOnOwner() {
    reader.withLock { $0 = nil }
    socket.close()
  }

  /// Wakes a read waiting for an answer (it fails with `connectionClosed`) and ends the connection.
  func shutdown() {
    socket.shutdown()
  }

  private func readAnswer(using reader: inout RuntimeAPIResponseReader?) throws(RuntimeAPIError) -> RuntimeAPIResponse {
    let current = reader ?? RuntimeAPIResponseReader(maxBodyBytes: Self.maxAnswerBytes, owner: owner)
    reader = current
    do {
      return try current.read(from: socket)
    } catch {
      switch error {
      case .socket(let failure): throw Self.runtimeAPIError(failure, address: address)
      case .malformed(let error): throw .connectionFailed(address: address, reason: "malformed answer: \(error)")
      case .tooLarge(let limit): throw .connectionFailed(address: address, reason: "an answer over \(limit) bytes")
      }
    }
  }

  private func onOwnerThread<Value: Sendable>(
    _ work: @escaping @Sendable () throws(RuntimeAPIError) -> Value
  ) async throws(RuntimeAPIError) -> Value {
    do {
      return try await owner.submit { try work() }.get()
    } catch let error as RuntimeAPIError {
      throw error
    } catch {
      throw .connectionFailed(address: address, reason: "\(error)")
    }
  }

  private static func runtimeAPIError(_ failure: BlockingSocket.Failure, address: String) -> RuntimeAPIError {
    if case .closed = failure { return .connectionClosed }
    return .connectionFailed(address: address, reason: failure.description)
  }
}
