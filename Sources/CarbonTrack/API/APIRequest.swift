import LambdaEvents

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// An API Gateway request in a form independent of the payload version.
package struct APIRequest: Sendable {
  /// The API Gateway payload format the event used (the response uses the same).
  package enum PayloadVersion: String, Sendable {
    case v1 = "1.0"
    case v2 = "2.0"
  }

  package var version: PayloadVersion
  package var method: String
  /// The path without the stage prefix, still percent-encoded.
  package var path: String
  package var query: [String: String]
  /// Header names lowercased.
  package var headers: [String: String]
  package var body: [UInt8]
  /// The authenticated caller (`sub` claim), if an authorizer ran.
  package var identity: String?
  package var requestId: String?
  /// False when the event came through an API Gateway HTTP API, which buffers every answer, so a streamed one
  /// would reach the client as raw prelude bytes.
  package var frontCanStream = true

  /// Decodes a v1 or v2 proxy event from its JSON bytes: directly when it is a plain one, else with `JSONDecoder`,
  /// whose errors name the field at fault.
  package init(event bytes: [UInt8]) throws(CarbonTrackError) {
    if let read = APIGatewayRequest.read(bytes) {
      try self.init(read.event)
      return
    }
    let decoded: APIGatewayRequest
    do {
      decoded = try JSONDecoder().decode(APIGatewayRequest.self, from: Data(bytes))
    } catch {
      throw Self.notAnEvent(error)
    }
    try self.init(decoded)
  }

  /// Normalises an event of either payload format.
  package init(_ event: APIGatewayRequest) throws(CarbonTrackError) {
    switch event {
    case .v1(let v1): try self.init(v1)
    case .v2(let v2): try self.init(v2)
    }
  }

  /// The error for bytes that did not decode as an API Gateway event: `invalidEvent`, naming the field at fault.
  package static func notAnEvent(_ error: any Error) -> CarbonTrackError {
    guard let error = error as? DecodingError else { return .invalidEvent("Not an API Gateway proxy event") }
    return .invalidEvent("Not an API Gateway proxy event: " + RequestDecoding.fieldError(error).description)
  }

  /// Normalises a payload v2 event.
  package init(_ event: APIGatewayV2Request) throws(CarbonTrackError) {
    var path = event.rawPath
    // Bytes, not `hasPrefix`: Unicode-aware matching could strip a canonically equivalent prefix of another length.
    if let stage = event.requestContext.stage, stage != "$default", path.utf8.starts(with: "/\(stage)/".utf8) {
      path = String(decoding: path.utf8.dropFirst(stage.utf8.count + 1), as: UTF8.self)
    }
    self.init(
      version: .v2, method: event.requestContext.http.method, path: path,
      query: event.queryStringParameters ?? [:], headers: event.headers ?? [:],
      body: try Self.decodeBody(event.body, base64: event.isBase64Encoded ?? false),
      identity: event.requestContext.authorizer?.jwt?.claims?.sub, requestId: event.requestContext.requestId)
    frontCanStream = Self.frontCanStream(event)
  }

  /// Function URLs (the v2 front that streams) always have the route `$default` and a `lambda-url` domain; an HTTP
  /// API has its own route keys (the template's `ANY /users/{proxy+}`) or an `execute-api` domain. An HTTP API's
  /// `$default` route under a custom domain cannot be told apart (docs/OPERATIONS.md, "Data safety").
  private static func frontCanStream(_ event: APIGatewayV2Request) -> Bool {
    if let routeKey = event.routeKey, routeKey != "$default" { return false }
    guard let domain = event.requestContext.domainName?.lowercased() else { return true }
    return !domain.contains(".execute-api.")
  }

  /// Normalises a payload v1 event.
  package init(_ event: APIGatewayV1Request) throws(CarbonTrackError) {
    self.init(
      version: .v1, method: event.httpMethod, path: event.path, query: event.queryStringParameters ?? [:],
      headers: event.headers ?? [:], body: try Self.decodeBody(event.body, base64: event.isBase64Encoded ?? false),
      identity: event.requestContext.authorizer?.claims?.sub, requestId: event.requestContext.requestId)
  }

  /// Creates a request directly (tests, CLI).
  package init(
    version: PayloadVersion, method: String, path: String, query: [String: String] = [:],
    headers: [String: String] = [:], body: [UInt8] = [], identity: String? = nil, requestId: String? = nil
  ) {
    self.version = version
    self.method = method.uppercased()
    self.path = path
    self.query = query
    self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    self.body = body
    // An empty `sub` is kept (and rejected by the handler) rather than read as "no identity", which AUTH_MODE=none
    // would let through.
    self.identity = identity
    self.requestId = requestId
  }

  private static func decodeBody(_ body: String?, base64: Bool) throws(CarbonTrackError) -> [UInt8] {
    guard let body else { return [] }
    guard base64 else { return Array(body.utf8) }
    guard let data = Data(base64Encoded: body) else { throw .invalid("body", "is marked base64 but is not") }
    return Array(data)
  }
}
