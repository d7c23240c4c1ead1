import Benchmark
import KeepAliveHTTP
import LambdaRuntime
import NIOCore
import NIOHTTP1
import NIOPosix

// What a PutItem costs below the DynamoDB layer, measured against the same responder: the same small request,
// already signed (a fixed signature the responder does not check), sent through `HTTP1Client`, and the same bytes
// through a bare NIO channel with no HTTP codec at all, the floor of any client built on an event loop.

let prebuiltBody = Array(#"{"TableName":"Entries","Item":{"pk":{"S":"USER#7f1c2d3e"},"sk":{"S":"ENTRY#x"}}}"#.utf8)
let prebuiltHeaders: HTTPHeaders = [
  "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.PutItem",
  "X-Amz-Date": "20261126T120000Z",
  "Authorization":
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/dynamodb/aws4_request, "
    + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + String(repeating: "0", count: 64),
]

/// One request's bytes and the promise its answer completes.
struct RawExchange: Sendable {
  var request: ByteBuffer
  var answered: EventLoopPromise<Void>
}

/// Writes prebuilt request bytes; an answer is complete when a read ends with the `}` of responder.py's PutItem
/// body (`{}`), which no header line ends with.
final class RawExchangeHandler: ChannelDuplexHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundIn = RawExchange
  typealias OutboundOut = ByteBuffer
  private var pending: EventLoopPromise<Void>?

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    let exchange = unwrapOutboundIn(data)
    pending = exchange.answered
    context.write(wrapOutboundOut(exchange.request), promise: promise)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard unwrapInboundIn(data).readableBytesView.last == UInt8(ascii: "}") else { return }
    let answered = pending
    pending = nil
    answered?.succeed()
  }
}

func httpFloorBenchmarks() {
  Benchmark("HTTP1Client POST of a prebuilt PutItem, one event loop") { benchmark in
    guard let responder else { return }
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let client = HTTP1Client(eventLoopGroup: group)
    try await withTaskExecutorPreference(EventLoopExecutor(group.next())) {
      @Sendable func post() async throws {
        blackHole(
          try await client.execute(
            .POST, url: responder, headers: prebuiltHeaders, body: prebuiltBody, timeout: .seconds(5)))
      }
      try await post()
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations { try await post() }
      benchmark.stopMeasurement()
    }
    await client.shutdown()
    try await group.shutdownGracefully()
  }

  Benchmark("NIO floor: prebuilt PutItem bytes, no HTTP codec, one event loop") { benchmark in
    guard let responder, let port = responder.split(separator: ":").last.flatMap({ Int($0) }) else { return }
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let loop = group.next()
    let channel = try await ClientBootstrap(group: loop)
      .channelOption(.tcpOption(.tcp_nodelay), value: 1)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(RawExchangeHandler()) }
      }
      .connect(host: "127.0.0.1", port: port).get()
    var bytes = ByteBuffer(string: "POST / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n")
    for (name, value) in prebuiltHeaders { bytes.writeString("\(name): \(value)\r\n") }
    bytes.writeString("Content-Length: \(prebuiltBody.count)\r\n\r\n")
    bytes.writeBytes(prebuiltBody)
    let request = bytes
    try await withTaskExecutorPreference(EventLoopExecutor(loop)) {
      @Sendable func exchange() async throws {
        let answered = loop.makePromise(of: Void.self)
        channel.writeAndFlush(RawExchange(request: request, answered: answered), promise: nil)
        try await answered.futureResult.get()
      }
      try await exchange()
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations { try await exchange() }
      benchmark.stopMeasurement()
    }
    try await channel.close()
    try await group.shutdownGracefully()
  }
}
