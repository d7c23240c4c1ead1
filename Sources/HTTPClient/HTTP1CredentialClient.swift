import SigV4

/// The `CredentialHTTPClient` that lets SigV4's credential chain reach the container credentials endpoint over
/// `HTTP1Client`: the glue between the signing library, which does no I/O of its own, and this HTTP client.
package struct HTTP1CredentialClient: CredentialHTTPClient {
  let httpClient: HTTP1Client

  /// A credential HTTP client using `httpClient`.
  package init(httpClient: HTTP1Client) { self.httpClient = httpClient }

  package func get(url: String, headers: [(String, String)]) async throws -> (status: Int, body: [UInt8]) {
    let response = try await httpClient.execute(.GET, url: url, headers: .init(headers), timeout: .seconds(5))
    return (response.status, response.body)
  }
}
