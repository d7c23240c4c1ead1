import NIOCore
import NIOHTTP1

/// One request to the Runtime API together with the promise its response completes.
struct RuntimeAPIExchange: Sendable {
  var head: HTTPRequestHead
  var body: ByteBuffer?
  var response: EventLoopPromise<RuntimeAPIResponse>
}
