import AsyncHTTPClient
import NIOCore
import SigV4

/// The container provider's HTTP GET over AsyncHTTPClient, as a service module would supply it.
struct AsyncHTTPCredentialClient: CredentialHTTPClient {
  func get(url: String, headers: [(String, String)]) async throws -> (status: Int, body: [UInt8]) {
    var request = HTTPClientRequest(url: url)
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
    let body = try await response.body.collect(upTo: 1 << 20)
    return (Int(response.status.code), Array(body.readableBytesView))
  }
}
