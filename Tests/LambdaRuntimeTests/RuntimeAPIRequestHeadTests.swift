import NIOCore
import Testing

@testable import LambdaRuntime

@Suite("Runtime API request heads: outside values cannot add lines or bend the path")
struct RuntimeAPIRequestHeadTests {
  private func text(_ buffer: ByteBuffer) -> String { String(buffer: buffer) }

  @Test func aPlainRequestIdIsUsedAsItIs() {
    #expect(
      RuntimeAPIRequestHead.pathSegment("8476a536-e9f4-11e8-9739-2dfe598c3fcd")
        == "8476a536-e9f4-11e8-9739-2dfe598c3fcd")
  }

  @Test(arguments: [
    ("../../init/error", "..%2F..%2Finit%2Ferror"),
    ("a b\r\nX-Evil: 1", "a%20b%0D%0AX-Evil%3A%201"),
    ("id?x=1#f", "id%3Fx%3D1%23f"),
    ("100%", "100%25"),
    ("é", "%C3%A9"),
  ])
  func everyOtherByteIsPercentEncoded(requestId: String, segment: String) {
    #expect(RuntimeAPIRequestHead.pathSegment(requestId) == segment)
  }

  @Test func fieldValuesLoseTheBytesThatWouldEndALine() {
    var buffer = ByteBuffer()
    RuntimeAPIRequestHead.writeFields(
      [("Lambda-Runtime-Function-Error-Type", "Function.Bad\r\nX-Injected: yes\u{0}"), ("User-Agent", "a\tb")],
      to: &buffer)
    #expect(
      text(buffer) == "Lambda-Runtime-Function-Error-Type: Function.BadX-Injected: yes\r\nUser-Agent: a\tb\r\n")
  }

  @Test func aHeadIsTheRequestLineTheCommonFieldsThenItsOwn() {
    var common = ByteBuffer()
    RuntimeAPIRequestHead.writeFields([("Host", "127.0.0.1:9001"), ("User-Agent", "ua/1")], to: &common)
    let head = RuntimeAPIRequestHead.bytes(
      method: "POST", path: "/2018-06-01/runtime/invocation/r/response", commonFields: common,
      fields: [("Content-Length", "2")])
    #expect(
      text(head)
        == "POST /2018-06-01/runtime/invocation/r/response HTTP/1.1\r\nHost: 127.0.0.1:9001\r\nUser-Agent: ua/1\r\n"
        + "Content-Length: 2\r\n\r\n")
    // Written again for the next request, the common lines are unchanged.
    #expect(text(common) == "Host: 127.0.0.1:9001\r\nUser-Agent: ua/1\r\n")
  }

  @Test(arguments: [
    (0, "0\r\n"), (10, "a\r\n"), (255, "ff\r\n"), (65_536, "10000\r\n"), (20 << 20, "1400000\r\n"),
    (Int.max, "7fffffffffffffff\r\n"),
  ])
  func aChunkSizeLineIsHexadecimal(size: Int, line: String) {
    #expect(RuntimeAPIRequestHead.withChunkSizeLine(size) { String(decoding: $0, as: UTF8.self) } == line)
  }
}
