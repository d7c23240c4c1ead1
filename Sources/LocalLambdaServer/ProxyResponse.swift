import Foundation

/// A function's buffered answer to a payload 2.0 event, read as a function URL or HTTP API reads it: a JSON object
/// with `statusCode` is a structured response (`headers`, `multiValueHeaders`, `cookies`, `body`,
/// `isBase64Encoded`); anything else is the body of a 200 `application/json` response.
struct ProxyResponse {
  var status: Int
  /// In order; `Set-Cookie` once per cookie.
  var headers: [(name: String, value: String)]
  var body: [UInt8]

  private struct Structured: Decodable {
    var statusCode: Int
    var headers: [String: String]?
    var multiValueHeaders: [String: [String]]?
    var cookies: [String]?
    var body: String?
    var isBase64Encoded: Bool?
  }

  private struct StatusOnly: Decodable {
    var statusCode: JSONValue?
  }

  /// The answer for `body`; nil when it claims to be structured and is not valid, which Lambda's fronts answer
  /// with 502.
  init?(functionAnswer body: [UInt8]) {
    let decoder = JSONDecoder()
    guard (try? decoder.decode(StatusOnly.self, from: Data(body)))?.statusCode != nil else {
      self.init(status: 200, headers: [("content-type", "application/json")], body: body)
      return
    }
    guard let structured = try? decoder.decode(Structured.self, from: Data(body)),
      (100...599).contains(structured.statusCode)
    else { return nil }
    var headers: [(name: String, value: String)] = []
    for (name, values) in (structured.multiValueHeaders ?? [:]).sorted(by: { $0.key < $1.key }) {
      headers += values.map { (name, $0) }
    }
    for (name, value) in (structured.headers ?? [:]).sorted(by: { $0.key < $1.key })
    where !headers.contains(where: { $0.name.lowercased() == name.lowercased() }) {
      headers.append((name, value))
    }
    headers += (structured.cookies ?? []).map { ("set-cookie", $0) }
    var bytes = Array((structured.body ?? "").utf8)
    if structured.isBase64Encoded == true {
      guard let decoded = Data(base64Encoded: structured.body ?? "") else { return nil }
      bytes = Array(decoded)
    }
    self.init(status: structured.statusCode, headers: headers, body: bytes)
  }

  init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// What a function URL answers when the function failed, timed out or answered something it cannot read.
  static let internalError = ProxyResponse(
    status: 502, headers: [("content-type", "application/json")],
    body: Array(#"{"message":"Internal Server Error"}"#.utf8))

  /// What the JWT authorizer answers for a missing, malformed, expired or badly signed token.
  static let unauthorized = ProxyResponse(
    status: 401, headers: [("content-type", "application/json"), ("www-authenticate", "Bearer")],
    body: Array(#"{"message":"Unauthorized"}"#.utf8))
}
