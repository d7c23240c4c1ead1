// The floor under bootstrap's warm invoke once NIO's HTTP/1.1 parser is kept (DESIGN.md: no hand-rolled HTTP
// parsing): the bare C loop's two Runtime API calls per invoke over one blocking keep-alive socket, with every answer
// read through NIO's `HTTPResponseDecoder` in an `EmbeddedChannel`, as the runtime reads them, and nothing else: no
// handler, no tasks, no timers, no logging. Built by scripts/build-decoder-floor.sh, never as part of this package;
// scripts/bench-decoder-floor.sh measures it beside the C loop and bootstrap.
import NIOCore
import NIOEmbedded
import NIOHTTP1

#if canImport(Glibc)
  import Glibc
#endif

func connectToRuntimeAPI() -> Int32 {
  guard let setting = getenv("AWS_LAMBDA_RUNTIME_API") else { exit(1) }
  let parts = String(cString: setting).split(separator: ":")
  guard parts.count == 2, let port = UInt16(parts[1]) else { exit(1) }
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_port = port.bigEndian
  inet_pton(AF_INET, parts[0] == "localhost" ? "127.0.0.1" : String(parts[0]), &address.sin_addr)
  let connected = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
  }
  guard connected == 0 else { exit(2) }
  var on: Int32 = 1
  setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
  return descriptor
}

func send(_ descriptor: Int32, _ head: String, _ body: [UInt8]) {
  var pieces = Array(head.utf8)
  pieces.append(contentsOf: body)
  var sent = 0
  while sent < pieces.count {
    let count = pieces.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + sent, pieces.count - sent) }
    guard count > 0 else { exit(2) }
    sent += count
  }
}

/// Reads answers through NIO's decoder, which pairs each with a request written through its channel; like the
/// runtime, it tells the decoder of them 64 at a time.
struct AnswerReader {
  let channel = EmbeddedChannel(handler: ByteToMessageHandler(HTTPResponseDecoder()))
  var announced = 0

  /// Reads one answer: its head and its body's bytes.
  mutating func receive(_ descriptor: Int32) throws -> (HTTPResponseHead, [UInt8]) {
    if announced == 0 {
      let request = NIOAny(HTTPClientRequestPart.head(HTTPRequestHead(version: .http1_1, method: .GET, uri: "/")))
      for _ in 0..<64 { channel.pipeline.syncOperations.write(request, promise: nil) }
      while try channel.readOutbound(as: HTTPClientRequestPart.self) != nil {}
      announced = 64
    }
    announced -= 1
    var head: HTTPResponseHead?
    var body: [UInt8] = []
    while true {
      var bytes = channel.allocator.buffer(capacity: 65_536)
      let count = bytes.writeWithUnsafeMutableBytes(minimumWritableBytes: 65_536) {
        max(0, Glibc.read(descriptor, $0.baseAddress, $0.count))
      }
      guard count > 0 else { exit(2) }
      channel.pipeline.syncOperations.fireChannelRead(NIOAny(bytes))
      while let part = try channel.readInbound(as: HTTPClientResponsePart.self) {
        switch part {
        case .head(let answer): head = answer
        case .body(let chunk): body.append(contentsOf: chunk.readableBytesView)
        case .end: if let head { return (head, body) }
        }
      }
    }
  }
}

let descriptor = connectToRuntimeAPI()
var reader = AnswerReader()
while true {
  send(descriptor, "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: runtime\r\n\r\n", [])
  let (head, event) = try reader.receive(descriptor)
  guard let requestID = head.headers.first(name: "Lambda-Runtime-Aws-Request-Id") else { exit(3) }
  send(
    descriptor,
    "POST /2018-06-01/runtime/invocation/\(requestID)/response HTTP/1.1\r\nHost: runtime\r\n"
      + "Content-Length: \(event.count)\r\n\r\n", event)
  _ = try reader.receive(descriptor)
}
