import NIOCore
import NIOHTTP1

/// Writes each request as one buffer, head and body together, in place of NIO's `HTTPRequestEncoder` and its
/// outbound header validator.
///
/// Those wrote the head, the body and the end as three writes down to the socket, and checked every header in a
/// handler of its own. The checks stay, made as the bytes are copied: the method and each header name must be HTTP
/// tokens; a header value and the request target must hold no line break or other control, which could end the
/// head early and smuggle in a second request. Bodies are framed by `Content-Length`, as `HTTP1Client` frames
/// them; chunked bodies and trailers are refused. A request that breaks a rule fails its write with
/// `HTTP1ConnectionError.invalidRequest`, which is what the waiting request learns, and the connection is closed,
/// as the parts already taken are dropped.
final class HTTP1RequestEncoder: ChannelOutboundHandler {
  typealias OutboundIn = HTTPClientRequestPart
  typealias OutboundOut = IOData

  /// The request being assembled, from its head to its end.
  private var request: ByteBuffer?
  /// The bytes the whole request must have: its head and the body its `Content-Length` announces.
  private var expectedBytes = 0
  /// Promises of the parts before the end, completed with the one write.
  private var partPromises: [EventLoopPromise<Void>] = []
  /// Why the request being written was refused: its later parts fail for the same reason, up to its end.
  private var refusal: HTTP1ConnectionError?
  /// Where the refusal is kept, so that the request waiting for an answer learns it rather than a bare "closed".
  private let failure: ConnectionFailure

  init(failure: ConnectionFailure) {
    self.failure = failure
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    let part = unwrapOutboundIn(data)
    if let refusal {
      if case .end = part { self.refusal = nil }
      promise?.fail(refusal)
      return
    }
    do throws(HTTP1ConnectionError) {
      switch part {
      case .head(let head):
        guard request == nil else { throw .invalidRequest(reason: "a request head before the last one ended") }
        let (buffer, contentLength) = try Self.head(head, allocator: context.channel.allocator)
        request = buffer
        expectedBytes = buffer.readableBytes + contentLength
        if let promise { partPromises.append(promise) }
      case .body(.byteBuffer(var body)):
        guard request != nil else { throw .invalidRequest(reason: "a body without a request head") }
        request?.writeBuffer(&body)
        if let promise { partPromises.append(promise) }
      case .body(.fileRegion):
        throw .invalidRequest(reason: "file bodies are not supported")
      case .end(let trailers):
        guard let whole = request else { throw .invalidRequest(reason: "a request end without a head") }
        guard trailers == nil else { throw .invalidRequest(reason: "trailers need a chunked body") }
        guard whole.readableBytes == expectedBytes else {
          throw .invalidRequest(reason: "the body's length differs from its Content-Length")
        }
        request = nil
        let earlier = partPromises
        partPromises = []
        let written = promise ?? (earlier.isEmpty ? nil : context.eventLoop.makePromise())
        for part in earlier { written?.futureResult.cascade(to: part) }
        context.write(wrapOutboundOut(.byteBuffer(whole)), promise: written)
      }
    } catch {
      request = nil
      if case .end = part {} else { refusal = error }
      for earlier in partPromises { earlier.fail(error) }
      partPromises = []
      promise?.fail(error)
      _ = failure.record(error)
      context.close(promise: nil)
    }
  }

  /// The request line and headers, with room for the body; the body's length from `Content-Length`.
  static func head(_ head: HTTPRequestHead, allocator: ByteBufferAllocator) throws(HTTP1ConnectionError) -> (
    ByteBuffer, contentLength: Int
  ) {
    guard head.version == .http1_1 else { throw .invalidRequest(reason: "only HTTP/1.1 is spoken") }
    let method = head.method.rawValue
    guard isToken(method) else { throw .invalidRequest(reason: "the method is not an HTTP token") }
    guard !head.uri.isEmpty, allBytes(of: head.uri, satisfy: { $0 > 0x20 && $0 != 0x7F }) else {
      throw .invalidRequest(reason: "the request target is empty or holds a space or a control")
    }
    var contentLength: Int?
    var headBytes = method.utf8.count + head.uri.utf8.count + 13
    for (name, value) in head.headers {
      guard isToken(name) else { throw .invalidRequest(reason: "a header name is not an HTTP token") }
      guard allBytes(of: value, satisfy: { ($0 >= 0x20 || $0 == 0x09) && $0 != 0x7F }) else {
        throw .invalidRequest(reason: "the value of \(name) holds a line break or another control")
      }
      if name.utf8.count == 17, name.lowercased() == "transfer-encoding" {
        throw .invalidRequest(reason: "chunked bodies are not supported")
      }
      if name.utf8.count == 14, name.lowercased() == "content-length" {
        guard let length = decimal(value), contentLength == nil || contentLength == length else {
          throw .invalidRequest(reason: "Content-Length is not one length")
        }
        contentLength = length
      }
      headBytes += name.utf8.count + value.utf8.count + 4
    }
    var buffer = allocator.buffer(capacity: headBytes + (contentLength ?? 0))
    buffer.writeString(method)
    buffer.writeStaticString(" ")
    buffer.writeString(head.uri)
    buffer.writeStaticString(" HTTP/1.1\r\n")
    for (name, value) in head.headers {
      buffer.writeString(name)
      buffer.writeStaticString(": ")
      buffer.writeString(value)
      buffer.writeStaticString("\r\n")
    }
    buffer.writeStaticString("\r\n")
    return (buffer, contentLength ?? 0)
  }

  /// RFC 9110's `token`: one or more of ALPHA, DIGIT and ``!#$%&'*+-.^_`|~``.
  private static func isToken(_ text: String) -> Bool {
    !text.isEmpty
      && allBytes(of: text) { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "#")...UInt8(ascii: "'"),
          UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"),
          UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
          true
        default: false
        }
      }
  }

  /// Checks the text's UTF-8 where it lies: a header block is checked on every request.
  @inline(__always)
  private static func allBytes(of text: String, satisfy isAllowed: (UInt8) -> Bool) -> Bool {
    var text = text
    return text.withUTF8 { $0.allSatisfy(isAllowed) }
  }

  /// Up to 18 ASCII digits, which no `Int` overflows on.
  private static func decimal(_ text: String) -> Int? {
    let digits = text.utf8
    guard (1...18).contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }
}
