import HTTPConnection
import NIOHTTP1
import NIOSSL
import TLSTestSupport
import Testing

@testable import HTTPClient

@Suite("HTTP1Client over TLS: certificates and host names are verified")
struct TLSTests {
  static func hello(_ request: ScriptedHTTPServer.Request) -> ScriptedHTTPServer.Reply {
    .respond(status: 200, headers: [], body: Array("hello over tls".utf8))
  }

  func client(trusting certificates: TestCertificates) -> HTTP1Client {
    var configuration = HTTP1Client.Configuration()
    configuration.tls.trustRoots = .certificates([certificates.caCertificate])
    return HTTP1Client(configuration: configuration)
  }

  @Test(arguments: ["localhost", "127.0.0.1"])
  func aTrustedCertificateForTheHostIsAccepted(host: String) async throws {
    let certificates = try TestCertificates.make()
    let server = try await ScriptedHTTPServer(tls: certificates.serverContext, script: Self.hello)
    let client = client(trusting: certificates)
    for _ in 0..<3 {
      let response = try await client.execute(.GET, url: server.url(host: host, scheme: "https"), timeout: .seconds(5))
      #expect(String(decoding: response.body, as: UTF8.self) == "hello over tls")
    }
    #expect(server.acceptedConnections == 1)
    await client.shutdown()
    try await server.shutdown()
  }

  @Test func anUntrustedCertificateIsRefusedWithAReadableReason() async throws {
    let certificates = try TestCertificates.make()
    let server = try await ScriptedHTTPServer(tls: certificates.serverContext, script: Self.hello)
    let client = HTTP1Client()
    await #expect {
      try await client.execute(.GET, url: server.url(host: "localhost", scheme: "https"), timeout: .seconds(5))
    } throws: { error in
      guard case .tlsFailed(let origin, let reason) = error as? HTTP1ConnectionError else { return false }
      return origin == "https://localhost:\(server.port)" && reason.contains("CERTIFICATE_VERIFY_FAILED")
    }
    #expect(server.requests.isEmpty)
    await client.shutdown()
    try await server.shutdown()
  }

  @Test func aCertificateForAnotherHostIsRefused() async throws {
    let certificates = try TestCertificates.make(subjectAltName: "DNS:localhost")
    let server = try await ScriptedHTTPServer(tls: certificates.serverContext, script: Self.hello)
    let client = client(trusting: certificates)
    _ = try await client.execute(.GET, url: server.url(host: "localhost", scheme: "https"), timeout: .seconds(5))
    await #expect {
      try await client.execute(.GET, url: server.url(host: "127.0.0.1", scheme: "https"), timeout: .seconds(5))
    } throws: { error in
      guard case .tlsFailed(_, let reason) = error as? HTTP1ConnectionError else { return false }
      return reason.contains("failedToValidateHostname")
    }
    #expect(server.requests.count == 1)
    await client.shutdown()
    try await server.shutdown()
  }
}
