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
  /// How many requests the decoder is told of at a time (see `announceRequests`).
  private static let announcementBatch = 64

  private let channel: EmbeddedChannel
  private let maxBodyBytes: Int
  private let owner: any EventLoop
  /// Requests the decoder knows of that have no answer yet.
  private var announcedRequests = 0

  /// Call on `owner`'s thread.
  init(maxBodyBytes: Int, owner: any EventLoop) {
    self.maxBodyBytes = maxBodyBytes
    self.owner = owner
    channel = EmbeddedChannel(handler: ByteToMessageHandler(HTTPResponseDecoder()))
  }

  /// The channel may only be closed and freed on the thread that made it (its event loop checks). Off that thread,
  /// which happens only as the process ends (the main connection) or after an out-of-band report that was not closed
  /// on its own thread, the few kilobytes are left alone: handing them over with `execute` would race this
  /// `deinit`'s own release of the channel.
  deinit {
    if owner.inEventLoop {
      _ = try? channel.finish(acceptAlreadyClosed: true)
    } else {
      _ = Unmanaged.passRetained(channel)
    }
  }

  /// Reads the answer to the request just written.
  func read(from socket: BlockingSocket) throws(Failure) -> RuntimeAPIResponse {
    var response: RuntimeAPIResponse?
    try announceRequests()
    while true {
      var bytes = channel.allocator.buffer(capacity: Self.readSize)
      do {
        try socket.read(into: &bytes, atMost: Self.readSize)
      } catch {
        throw .socket(error)
      }
      do {
        // The pipeline directly, not `writeInbound`, which copies the channel's inbound queue into an array.
        channel.pipeline.syncOperations.fireChannelRead(NIOAny(bytes))
        try channel.throwIfErrorCaught()
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

  /// NIO's response decoder matches each answer with a request written through its channel, only to know which
  /// answers have no body (those to HEAD and CONNECT, which the runtime never sends). A trip through the channel
  /// per exchange cost as much as decoding the answer, so the decoder hears of requests a batch at a time.
  private func announceRequests() throws(Failure) {
    announcedRequests -= 1
    guard announcedRequests < 0 else { return }
    let request = NIOAny(HTTPClientRequestPart.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: "/")))
    for _ in 0..<Self.announcementBatch {
      channel.pipeline.syncOperations.write(request, promise: nil)
    }
    do {
      try channel.throwIfErrorCaught()
      while try channel.readOutbound(as: HTTPClientRequestPart.self) != nil {}
    } catch {
      throw .malformed(error)
    }
    announcedRequests = Self.announcementBatch - 1
  }
}
