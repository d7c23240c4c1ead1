import HTTPConnection
import SigV4

/// The client's endpoint URL, parsed once: where requests go, and the path and query they are signed and sent with.
struct DynamoDBEndpoint: Sendable {
  let origin: HTTP1Origin
  let path: String
  let query: String?
  /// The request line's target: the path, and the query when there is one.
  let requestTarget: String

  init?(_ url: String) {
    guard let origin = HTTP1Origin(url: url), let parts = RequestURL(url) else { return nil }
    self.origin = origin
    self.path = parts.path
    self.query = parts.query
    self.requestTarget = parts.query.map { "\(parts.path)?\($0)" } ?? parts.path
  }
}
