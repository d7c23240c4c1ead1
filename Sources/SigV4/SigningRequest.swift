/// An HTTP request as the signer sees it: method, raw path and query as sent, headers and the payload hash.
public struct SigningRequest: Sendable {
  public var method: String
  /// The path as it goes on the wire (already percent-encoded where needed).
  public var path: String
  /// The raw query string without the leading `?`.
  public var query: String?
  public var headers: [(name: String, value: String)]
  public var payload: PayloadHash

  public init(
    method: String, path: String, query: String? = nil, headers: [(name: String, value: String)],
    payload: PayloadHash
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.payload = payload
  }

  /// Builds a request from an absolute URL, adding a `Host` header from it when none is given.
  public init(
    method: String, url: String, headers: [(name: String, value: String)], payload: PayloadHash
  ) throws(SigningError) {
    guard let parts = RequestURL(url) else { throw .invalidURL(url) }
    var headers = headers
    if !headers.contains(where: { $0.name.lowercased() == "host" }) {
      headers.insert((name: "Host", value: parts.authority), at: 0)
    }
    self.init(method: method, path: parts.path, query: parts.query, headers: headers, payload: payload)
  }
}

/// Why a request could not be signed.
public enum SigningError: Error, CustomStringConvertible, Equatable {
  case invalidURL(String)

  public var description: String {
    switch self {
    case .invalidURL(let url): return "Cannot sign: '\(url)' is not an absolute http(s) URL"
    }
  }
}
