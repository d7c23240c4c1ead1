import NIOCore
import NIOHTTP1

/// Sends one request at a time over the keep-alive connection and assembles its response.
final class RuntimeAPIHandler: ChannelDuplexHandler {
  typealias InboundIn = HTTPClientResponsePart
  typealias OutboundIn = RuntimeAPIExchange
  typealias OutboundOut = HTTPClientRequestPart

  private var pending: EventLoopPromise<RuntimeAPIResponse>?
  private var head: HTTPResponseHead?
  private var body: ByteBuffer?
  private var isActive = true

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    let exchange = unwrapOutboundIn(data)
    // The client sends strictly one request at a time, so `pending` is always nil here.
    guard isActive else {
      exchange.response.fail(RuntimeAPIError.connectionClosed)
      promise?.fail(RuntimeAPIError.connectionClosed)
      return
    }
    pending = exchange.response
    context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
    if let body = exchange.body, body.readableBytes > 0 {
      context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
    }
    context.write(wrapOutboundOut(.end(nil)), promise: promise)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let responseHead):
      head = responseHead
      body = nil
    case .body(var chunk):
      if body == nil {
        body = chunk
      } else {
        body?.writeBuffer(&chunk)
      }
    case .end:
      guard let responseHead = head, let promise = pending else { return }
      pending = nil
      head = nil
      let responseBody = body ?? context.channel.allocator.buffer(capacity: 0)
      body = nil
      promise.succeed(RuntimeAPIResponse(head: responseHead, body: responseBody))
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    isActive = false
    failPending(RuntimeAPIError.connectionClosed)
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    failPending(
      RuntimeAPIError.connectionFailed(address: "\(context.remoteAddress.map { "\($0)" } ?? "?")", reason: "\(error)"))
    context.close(promise: nil)
  }

  private func failPending(_ error: RuntimeAPIError) {
    let promise = pending
    pending = nil
    promise?.fail(error)
  }
}
