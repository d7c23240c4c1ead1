import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP/1.1 request over a fresh connection, with every part of the answer timed as it arrives: what a
/// streaming client (`curl -N`) sees.
enum RawHTTPClient {
  struct Answer {
    var head: HTTPResponseHead
    /// Each body part, with the moment it arrived.
    var parts: [(bytes: [UInt8], at: ContinuousClock.Instant)]
    var trailers: HTTPHeaders?

    var body: [UInt8] { parts.flatMap(\.bytes) }
    var bodyText: String { String(decoding: body, as: UTF8.self) }
  }

  static func post(port: Int, path: String, body: [UInt8], headers: HTTPHeaders = [:]) async throws -> Answer {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHTTPClientHandlers()
          return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
            wrappingChannelSynchronously: channel)
        }
      }
    return try await channel.executeThenClose { inbound, outbound in
      var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path, headers: headers)
      head.headers.add(name: "Host", value: "127.0.0.1:\(port)")
      head.headers.add(name: "Content-Length", value: String(body.count))
      try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(ByteBuffer(bytes: body))), .end(nil)])
      var answer: Answer?
      for try await part in inbound {
        switch part {
        case .head(let responseHead):
          answer = Answer(head: responseHead, parts: [])
        case .body(let chunk):
          answer?.parts.append((Array(chunk.readableBytesView), .now))
        case .end(let trailers):
          answer?.trailers = trailers
          if let answer { return answer }
        }
      }
      throw ChannelError.eof
    }
  }
}
