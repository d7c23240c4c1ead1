import NIOCore
import NIOHTTP1
import NIOPosix
import Testing

@testable import HTTPClient
@testable import HTTPConnection

/// Requests go out as one buffer each, head and body, and nothing that could split a request is sent.
@Suite struct RequestEncodingTests {
  @Test func theHeadIsWrittenAsGivenWithRoomForTheBody() throws {
    var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: "/t?a=1")
    head.headers = ["Host": "h:1", "X-Two": "a\tb", "x-two": "c", "Content-Length": "3"]
    let (buffer, contentLength) = try HTTP1RequestEncoder.head(head, allocator: ByteBufferAllocator())
    #expect(
      String(buffer: buffer)
        == "POST /t?a=1 HTTP/1.1\r\nHost: h:1\r\nX-Two: a\tb\r\nx-two: c\r\nContent-Length: 3\r\n\r\n")
    #expect(contentLength == 3)
    #expect(buffer.capacity >= buffer.readableBytes + 3)
  }

  @Test(arguments: [
    ("X-Evil", "a\r\nX-Injected: 1", "/"), ("X-Nul", "a\u{0}b", "/"), ("X Space", "v", "/"), ("X:Colon", "v", "/"),
    ("", "v", "/"), ("X-Ok", "v", "/a b"), ("X-Ok", "v", "/a\r\nHost: x"), ("X-Ok", "v", ""),
    ("Content-Length", "+3", "/"), ("Content-Length", "4", "/"), ("Transfer-Encoding", "chunked", "/"),
  ])
  func whatCouldSplitOrMisframeARequestIsRefusedAndNeverSent(name: String, value: String, target: String)
    async throws
  {
    let server = try await ScriptedHTTPServer { .respond(status: 200, headers: [], body: Array($0.uri.utf8)) }
    let origin = try #require(HTTP1Origin(url: server.url()))
    let connection = try await HTTP1Connection.connect(
      to: origin, on: MultiThreadedEventLoopGroup.singleton.next(), connectTimeout: .seconds(5),
      maxResponseBytes: 1_000)
    var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: target)
    head.headers = ["Host": origin.authority, "Content-Length": "3"]
    head.headers.add(name: name, value: value)
    await #expect {
      try await connection.send(head: head, body: Array("abc".utf8), timeout: .seconds(5))
    } throws: { error in
      guard case .invalidRequest? = error as? HTTP1ConnectionError else { return false }
      return true
    }
    #expect(server.requests.isEmpty)
    try await server.shutdown()
  }

  @Test func aRefusedRequestReachesTheCallerAndTheServerNeverSeesIt() async throws {
    let server = try await ScriptedHTTPServer { .respond(status: 200, headers: [], body: Array($0.uri.utf8)) }
    let client = HTTP1Client()
    await #expect(throws: HTTP1ConnectionError.self) {
      try await client.execute(
        .POST, url: server.url("/x"), headers: ["X-Evil": "a\r\nX-Injected: 1"], body: [1], timeout: .seconds(5))
    }
    let next = try await client.execute(.GET, url: server.url("/after"), timeout: .seconds(5))
    #expect(String(decoding: next.body, as: UTF8.self) == "/after")
    #expect(server.requests.map(\.uri) == ["/after"])
    await client.shutdown()
    try await server.shutdown()
  }
}
