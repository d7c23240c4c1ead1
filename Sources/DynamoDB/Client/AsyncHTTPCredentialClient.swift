import AsyncHTTPClient
import SigV4

/// The `CredentialHTTPClient` that lets the credential chain reach the container credentials endpoint over
/// async-http-client.
public struct AsyncHTTPCredentialClient: CredentialHTTPClient {
  let httpClient: HTTPClient

  /// A credential HTTP client using `httpClient`.
  public init(httpClient: HTTPClient) { self.httpClient = httpClient }

  public func get(url: String, headers: [(String, String)]) async throws -> (status: Int, body: [UInt8]) {
    var request = HTTPClientRequest(url: url)
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    let response = try await httpClient.execute(request, timeout: .seconds(5))
    let body = try await response.body.collect(upTo: 1 << 20)
    return (Int(response.status.code), Array(body.readableBytesView))
  }
}
