import KeepAliveHTTP
import SigV4

/// The `CredentialHTTPClient` that lets the credential chain reach the container credentials endpoint.
public struct HTTP1CredentialClient: CredentialHTTPClient {
  let httpClient: HTTP1Client

  /// A credential HTTP client using `httpClient`.
  public init(httpClient: HTTP1Client) { self.httpClient = httpClient }

  public func get(url: String, headers: [(String, String)]) async throws -> (status: Int, body: [UInt8]) {
    let response = try await httpClient.execute(.GET, url: url, headers: .init(headers), timeout: .seconds(5))
    return (response.status, response.body)
  }
}
