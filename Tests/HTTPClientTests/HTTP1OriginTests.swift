import HTTPConnection
import Testing

@testable import HTTPClient

@Suite("HTTP1Origin: scheme, host, port and Host header of a URL")
struct HTTP1OriginTests {
  @Test func defaultPortsFollowTheScheme() throws {
    let https = try #require(HTTP1Origin(url: "https://dynamodb.eu-west-1.amazonaws.com"))
    #expect(
      (https.isTLS, https.host, https.port, https.authority) == (
        true, "dynamodb.eu-west-1.amazonaws.com", 443, "dynamodb.eu-west-1.amazonaws.com"
      ))
    let http = try #require(HTTP1Origin(url: "HTTP://127.0.0.1:8000/path?q=1"))
    #expect((http.isTLS, http.host, http.port, http.authority) == (false, "127.0.0.1", 8000, "127.0.0.1:8000"))
  }

  @Test func ipv6LiteralsLoseTheirBracketsForConnectingOnly() throws {
    let origin = try #require(HTTP1Origin(url: "http://[::1]:9000/"))
    #expect((origin.host, origin.port, origin.authority) == ("::1", 9000, "[::1]:9000"))
  }

  @Test(arguments: ["ftp://host", "http://", "http://:80", "http://host:0", "http://host:70000", "http://[::1", "host"])
  func malformedURLsHaveNoOrigin(url: String) {
    #expect(HTTP1Origin(url: url) == nil)
  }
}
