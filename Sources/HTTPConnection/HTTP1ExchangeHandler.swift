import NIOCore
import NIOHTTP1

/// Writes one request at a time and hands the waiting request its response, which
/// `NIOHTTPClientResponseAggregator` in front has assembled; fails the waiting request when the connection ends.
final class HTTP1ExchangeHandler: ChannelDuplexHandler {
  typealias InboundIn = NIOHTTPClientResponseFull
  typealias OutboundIn = HTTP1Exchange
  typealias OutboundOut = HTTPClientRequestPart

  private let maxResponseBytes: Int
  private var pending: EventLoopPromise<HTTP1Response>?
  private var isActive = true
  private let failure: ConnectionFailure

  init(maxResponseBytes: Int, failure: ConnectionFailure) {
    self.maxResponseBytes = maxResponseBytes
    self.failure = failure
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    let exchange = unwrapOutboundIn(data)
    guard start(exchange.response, promise: promise) else { return }
    context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
    if let body = exchange.body, body.readableBytes > 0 {
      context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
    }
    context.write(wrapOutboundOut(.end(nil)), promise: promise)
  }

  /// Takes `response` as the one awaited answer; fails both promises when the connection cannot carry a request.
  private func start(_ response: EventLoopPromise<HTTP1Response>, promise: EventLoopPromise<Void>?) -> Bool {
    let earlier = failure.recorded
    guard isActive, earlier == nil, pending == nil else {
      let error = earlier ?? .connectionClosed(reason: isActive ? "connection busy" : "already closed")
      response.fail(error)
      promise?.fail(error)
      return false
    }
    pending = response
    return true
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let response = unwrapInboundIn(data)
    guard let promise = pending else { return }
    pending = nil
    promise.succeed(
      HTTP1Response(
        status: Int(response.head.status.code), headers: response.head.headers,
        body: response.body.map { Array($0.readableBytesView) } ?? [], keepAlive: response.head.isKeepAlive))
  }

  func channelInactive(context: ChannelHandlerContext) {
    isActive = false
    fail(failure.recorded ?? .connectionClosed(reason: "closed by the peer"))
    context.fireChannelInactive()
  }

  /// Handlers in front (TLS) may fire an `HTTP1ConnectionError` that says better what went wrong; the aggregator
  /// fires `frameTooLong` and drops the body, so the connection cannot carry the answer any more.
  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    let error: HTTP1ConnectionError =
      if let known = error as? HTTP1ConnectionError {
        known
      } else if error as? NIOHTTPObjectAggregatorError == .frameTooLong {
        .responseTooLarge(limit: maxResponseBytes)
      } else {
        .connectionClosed(reason: "\(error)")
      }
    fail(failure.record(error))
    context.close(promise: nil)
  }

  private func fail(_ error: HTTP1ConnectionError) {
    let promise = pending
    pending = nil
    promise?.fail(error)
  }
}
