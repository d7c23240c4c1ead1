import NIOCore
import NIOEmbedded
import NIOHTTP1

/// A complete Runtime API answer.
struct RuntimeAPIResponse: Sendable {
  var status: Int
  var headers: HTTPHeaders
  var body: [UInt8]

  var text: String { String(decoding: body, as: UTF8.self) }
}

/// Reads the answers of one keep-alive connection with NIO's HTTP/1.1 response decoder, driven by an
/// `EmbeddedChannel` instead of an event loop, so the bytes come from a blocking socket.
///
/// Not thread-safe, as `EmbeddedChannel` is not: it is made, used and closed on `owner`'s thread.
final class RuntimeAPIResponseReader {
  enum Failure: Error {
    case socket(BlockingSocket.Failure)
    case malformed(any Error)
    case tooLarge(limit: Int)
  }

  /// Bytes asked of the socket per read: an event up to Lambda's 6 MB arrives in about a hundred reads.
  private static let readSize = 64 * 1024

  private let channel: EmbeddedChannel
  private let maxBodyBytes: Int
  private let owner: any EventLoop

  /// Call on `owner`'s thread.
  init(maxBodyBytes: Int, owner: any EventLoop) {
    self.maxBodyBytes = maxBodyBytes
    self.owner = owner
    channel = EmbeddedChannel(handler: ByteToMessageHandler(HTTPResponseDecoder()))
  }

  /// The channel is closed, and let go of, on the thread that made it: its event loop checks.
  deinit {
    let channel = UncheckedSendable(channel)
    owner.execute { _ = try? channel.value.finish(acceptAlreadyClosed: true) }
  }

  /// Reads the answer to the request just written with `method` (the decoder needs it: HEAD answers have no body).
  func read(from socket: BlockingSocket, method: HTTPMethod) throws(Failure) -> RuntimeAPIResponse {
    var response: RuntimeAPIResponse?
    do {
      try channel.writeOutbound(HTTPClientRequestPart.head(HTTPRequestHead(version: .http1_1, method: method, uri: "/")))
      _ = try channel.readOutbound(as: HTTPClientRequestPart.self)
    } catch {
      throw .malformed(error)
    }
    while true {
      var bytes = channel.allocator.buffer(capacity: Self.readSize)
      do {
        try socket.read(into: &bytes, atMost: Self.readSize)
      } catch {
        throw .socket(error)
      }
      do {
        try channel.writeInbound(bytes)
        while let part = try channel.readInbound(as: HTTPClientResponsePart.self) {
          switch part {
          case .head(let head):
            response = RuntimeAPIResponse(status: Int(head.status.code), headers: head.headers, body: [])
            if let length = head.headers.first(name: "Content-Length").flatMap(Int.init), length <= maxBodyBytes {
              response?.body.reserveCapacity(length)
            }
          case .body(let chunk):
            guard let count = response?.body.count, chunk.readableBytes <= maxBodyBytes - count else {
              throw Failure.tooLarge(limit: maxBodyBytes)
            }
            response?.body.append(contentsOf: chunk.readableBytesView)
          case .end:
            if let response { return response }
          }
        }
      } catch let failure as Failure {
        throw failure
      } catch {
        throw .malformed(error)
      }
    }
  }
}

/// Moves a value that is not `Sendable` to the one thread allowed to use it.
private struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
