import NIOCore
import NIOHTTP1

/// One request written down a connection's pipeline, with the promise its response completes.
struct HTTP1Exchange {
  let head: HTTPRequestHead
  let body: ByteBuffer?
  let response: EventLoopPromise<HTTP1Response>
}
