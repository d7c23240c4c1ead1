import Foundation

/// An HTTP request as the payload format 2.0 event a function URL (or an HTTP API `$default` route) hands the
/// function: raw path and query, lower-case headers (repeats joined by commas), cookies apart, a text body as is
/// and any other body in base64, and a `requestContext` with a fresh request id and time.
struct FunctionURLEvent: Encodable {
  struct Context: Encodable {
    struct HTTP: Encodable {
      var method: String
      var path: String
      var `protocol` = "HTTP/1.1"
      var sourceIp: String
      var userAgent: String
    }
    struct Authorizer: Encodable {
      struct JWT: Encodable {
        var claims: [String: String]
        var scopes: [String]?
      }
      var jwt: JWT
    }
    var accountId = "123456789012"
    var apiId = "local"
    var authorizer: Authorizer?
    var domainName: String
    var domainPrefix: String
    var http: HTTP
    var requestId: String
    var routeKey = "$default"
    var stage = "$default"
    var time: String
    var timeEpoch: Int64
  }

  var version = "2.0"
  var routeKey = "$default"
  var rawPath: String
  var rawQueryString: String
  var cookies: [String]?
  var headers: [String: String]
  var queryStringParameters: [String: String]?
  var requestContext: Context
  var body: String?
  var isBase64Encoded: Bool

  /// The event for one request: `target` is the request line's target (path and query), `headers` in arrival order.
  init(
    method: String, target: String, headers: [(name: String, value: String)], body: [UInt8], sourceIp: String,
    claims: [String: String]?, requestId: String, now: Date
  ) {
    let (path, query) = Self.split(target)
    rawPath = path
    rawQueryString = query
    queryStringParameters = Self.parameters(query)
    var joined: [String: String] = [:]
    var cookies: [String] = []
    for (name, value) in headers {
      let name = name.lowercased()
      if name == "cookie" {
        cookies += value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        continue
      }
      joined[name] = joined[name].map { $0 + "," + value } ?? value
    }
    self.headers = joined
    self.cookies = cookies.isEmpty ? nil : cookies
    let host = joined["host"] ?? "localhost"
    requestContext = Context(
      authorizer: claims.map { Context.Authorizer(jwt: .init(claims: $0, scopes: nil)) }, domainName: host,
      domainPrefix: String(host.split(separator: ".").first ?? "localhost"),
      http: .init(method: method, path: path, sourceIp: sourceIp, userAgent: joined["user-agent"] ?? ""),
      requestId: requestId, time: Self.time(now),
      timeEpoch: Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
    if body.isEmpty {
      self.body = nil
      isBase64Encoded = false
    } else if Self.isText(contentType: joined["content-type"]), let text = String(validating: body, as: UTF8.self) {
      self.body = text
      isBase64Encoded = false
    } else {
      self.body = Data(body).base64EncodedString()
      isBase64Encoded = true
    }
  }

  /// The event as JSON.
  func json() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(self))
  }

  private static func split(_ target: String) -> (path: String, query: String) {
    guard let mark = target.firstIndex(of: "?") else { return (target, "") }
    return (String(target[..<mark]), String(target[target.index(after: mark)...]))
  }

  /// Decoded parameters, repeats joined by commas, as API Gateway gives them; nil when there are none.
  private static func parameters(_ query: String) -> [String: String]? {
    var parameters: [String: String] = [:]
    for pair in query.split(separator: "&") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
      let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
      parameters[name] = parameters[name].map { $0 + "," + value } ?? value
    }
    return parameters.isEmpty ? nil : parameters
  }

  /// Content types a function URL passes as text; every other body arrives in base64.
  private static func isText(contentType: String?) -> Bool {
    guard let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
    else { return false }
    return type.hasPrefix("text/") || type.hasSuffix("/json") || type.hasSuffix("+json") || type.hasSuffix("/xml")
      || type.hasSuffix("+xml") || type == "application/javascript" || type == "application/x-www-form-urlencoded"
  }

  /// `requestContext.time`: `06/Dec/2026:23:30:00 +0000`.
  private static func time(_ now: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss Z"
    return formatter.string(from: now)
  }
}
