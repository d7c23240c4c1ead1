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
  }

  /// Sends a request with `fields` (and `body`, with its length) and returns the answer, read on the owner's thread.
  func exchange(
    _ method: HTTPMethod, _ path: String, fields: [(String, String)] = [], body: [UInt8]? = nil
  ) async throws(RuntimeAPIError) -> RuntimeAPIResponse {
    if owner.inEventLoop { return try exchangeOnOwner(method, path, fields: fields, body: body) }
    return try await onOwnerThread { () throws(RuntimeAPIError) in
      try self.exchangeOnOwner(method, path, fields: fields, body: body)
    }
  }

  /// `exchange` for a caller already on the owner's thread, without suspending.
  func exchangeOnOwner(
    _ method: HTTPMethod, _ path: String, fields: [(String, String)], body: [UInt8]?
  ) throws(RuntimeAPIError) -> RuntimeAPIResponse {
    var fields = fields
    if let body {
      fields.append(("Content-Type", "application/json"))
      fields.append(("Content-Length", String(body.count)))
    }
    var parts = [
      RuntimeAPIRequestHead.bytes(
        method: method.rawValue, path: path, host: address, userAgent: userAgent, fields: fields)
    ]
    if let body, !body.isEmpty { parts.append(ByteBuffer(bytes: body)) }
    return try reader.withLock { reader throws(RuntimeAPIError) -> RuntimeAPIResponse in
      try write(parts)
      return try readAnswer(method, using: &reader)
    }
  }

  /// Reads the answer to a request already written (a streamed response's end), on the owner's thread.
  func answer(to method: HTTPMethod) async throws(RuntimeAPIError) -> RuntimeAPIResponse {
    if owner.inEventLoop { return try answerOnOwner(to: method) }
    return try await onOwnerThread { () throws(RuntimeAPIError) in try self.answerOnOwner(to: method) }
  }

  /// `answer(to:)` for a caller already on the owner's thread.
  func answerOnOwner(to method: HTTPMethod) throws(RuntimeAPIError) -> RuntimeAPIResponse {
    try reader.withLock { reader throws(RuntimeAPIError) in try readAnswer(method, using: &reader) }
  }

  /// Writes `parts` in order, from any thread.
  func write(_ parts: [ByteBuffer]) throws(RuntimeAPIError) {
    do {
      try socket.write(parts)
    } catch {
      throw Self.runtimeAPIError(error, address: address)
    }
  }

  /// Wakes a read waiting for an answer (it fails with `connectionClosed`) and ends the connection.
  func shutdown() {
    socket.shutdown()
  }

  private func readAnswer(
    _ method: HTTPMethod, using reader: inout RuntimeAPIResponseReader?
  ) throws(RuntimeAPIError) -> RuntimeAPIResponse {
    let current = reader ?? RuntimeAPIResponseReader(maxBodyBytes: Self.maxAnswerBytes, owner: owner)
    reader = current
    do {
      return try current.read(from: socket, method: method)
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
