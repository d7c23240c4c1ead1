import NIOCore
import NIOHTTP1

/// What goes down a connection's pipeline: a whole request, or a request whose body is streamed in parts.
enum HTTP1Outbound {
  /// A request with its whole body.
  case request(HTTP1Exchange)
  /// The head of a streamed request, with the promise its response completes.
  case streamHead(HTTPRequestHead, response: EventLoopPromise<HTTP1Response>)
  /// One part of the streamed body, sent as it is (a chunk of its own with `Transfer-Encoding: chunked`).
  case streamBody(ByteBuffer)
  /// The end of the streamed body, with trailers.
  case streamEnd(HTTPHeaders?)
}
