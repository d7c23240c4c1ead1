import NIOCore
import NIOHTTP1

/// Writes one request at a time and assembles its response; fails the waiting request when the connection ends.
final class HTTP1ExchangeHandler: ChannelDuplexHandler {
  typealias InboundIn = HTTPClientResponsePart
  typealias OutboundIn = HTTP1Outbound
  typealias OutboundOut = HTTPClientRequestPart

  private let maxResponseBytes: Int
  private var pending: EventLoopPromise<HTTP1Response>?
  private var head: HTTPResponseHead?
  private var body: ByteBuffer?
  private var isActive = true
  /// Between a streamed request's head and its end.
  private var isStreaming = false
  private let failure: ConnectionFailure

  init(maxResponseBytes: Int, failure: ConnectionFailure) {
    self.maxResponseBytes = maxResponseBytes
    self.failure = failure
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    switch unwrapOutboundIn(data) {
    case .request(let exchange):
      guard start(exchange.response, promise: promise) else { return }
      context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
      if let body = exchange.body, body.readableBytes > 0 {
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
      }
      context.write(wrapOutboundOut(.end(nil)), promise: promise)
    case .streamHead(let head, let response):
      guard start(response, promise: promise) else { return }
      isStreaming = true
      context.write(wrapOutboundOut(.head(head)), promise: promise)
    case .streamBody(let part):
      guard isStreaming else { return refuse(promise) }
      context.write(wrapOutboundOut(.body(.byteBuffer(part))), promise: promise)
    case .streamEnd(let trailers):
      guard isStreaming else { return refuse(promise) }
      isStreaming = false
      context.write(wrapOutboundOut(.end(trailers)), promise: promise)
    }
  }

  /// Takes `response` as the one awaited answer; fails both promises when the connection cannot carry a request.
  private func start(_ response: EventLoopPromise<HTTP1Response>, promise: EventLoopPromise<Void>?) -> Bool {
    let earlier = failure.recorded
    guard isActive, earlier == nil, pending == nil, !isStreaming else {
      let error = earlier ?? .connectionClosed(reason: isActive ? "connection busy" : "already closed")
      response.fail(error)
      promise?.fail(error)
      return false
    }
    pending = response
    return true
  }

  /// A body part or end with no streamed request open: the request it belonged to has failed.
  private func refuse(_ promise: EventLoopPromise<Void>?) {
    promise?.fail(failure.recorded ?? .connectionClosed(reason: "no streamed request is open"))
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let responseHead):
      head = responseHead
      body = nil
    case .body(var chunk):
      if (body?.readableBytes ?? 0) + chunk.readableBytes > maxResponseBytes {
        fail(HTTP1ConnectionError.responseTooLarge(limit: maxResponseBytes))
        context.close(promise: nil)
      } else if body == nil {
        body = chunk
      } else {
        body?.writeBuffer(&chunk)
      }
    case .end:
      guard let responseHead = head, let promise = pending else { return }
      let bytes = body.map { Array($0.readableBytesView) } ?? []
      (pending, head, body) = (nil, nil, nil)
      promise.succeed(
        HTTP1Response(
          status: Int(responseHead.status.code), headers: responseHead.headers, body: bytes,
          keepAlive: responseHead.isKeepAlive))
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    isActive = false
    fail(failure.recorded ?? .connectionClosed(reason: "closed by the peer"))
    context.fireChannelInactive()
  }

  /// Handlers in front (TLS) may fire an `HTTP1ConnectionError` that says better what went wrong.
  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    fail(failure.record(error as? HTTP1ConnectionError ?? .connectionClosed(reason: "\(error)")))
    context.close(promise: nil)
  }

  private func fail(_ error: HTTP1ConnectionError) {
    let promise = pending
    (pending, head, body) = (nil, nil, nil)
    promise?.fail(error)
  }
}
