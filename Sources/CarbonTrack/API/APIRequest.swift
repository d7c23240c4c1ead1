#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// An API Gateway request in a form independent of the payload version.
public struct APIRequest: Sendable {
  /// The API Gateway payload format the event used (the response uses the same).
  public enum PayloadVersion: String, Sendable {
    case v1 = "1.0"
    case v2 = "2.0"
  }

  public var version: PayloadVersion
  public var method: String
  /// The path without the stage prefix, still percent-encoded.
  public var path: String
  public var query: [String: String]
  /// Header names lowercased.
  public var headers: [String: String]
  public var body: [UInt8]
  /// The authenticated caller (`sub` claim), if an authorizer ran.
  public var identity: String?
  public var requestId: String?

  /// Decodes a v1 or v2 proxy event from its JSON bytes.
  public init(event bytes: [UInt8]) throws(CarbonTrackError) {
    let data = Data(bytes)
    if let v2 = try? JSONDecoder().decode(APIGatewayV2Request.self, from: data), v2.version == "2.0" {
      try self.init(v2)
    } else {
      do {
        try self.init(JSONDecoder().decode(APIGatewayV1Request.self, from: data))
      } catch let error as DecodingError {
        throw .invalidEvent(
          "Not an API Gateway proxy event: " + RequestDecoding.fieldError(error).description)
      } catch {
        throw .invalidEvent("Not an API Gateway proxy event")
      }
    }
  }

  /// Normalises a payload v2 event.
  public init(_ event: APIGatewayV2Request) throws(CarbonTrackError) {
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
  }

  /// Normalises a payload v1 event.
  public init(_ event: APIGatewayV1Request) throws(CarbonTrackError) {
    self.init(
      version: .v1, method: event.httpMethod, path: event.path, query: event.queryStringParameters ?? [:],
      headers: event.headers ?? [:], body: try Self.decodeBody(event.body, base64: event.isBase64Encoded ?? false),
      identity: event.requestContext.authorizer?.claims?.sub, requestId: event.requestContext.requestId)
  }

  /// Creates a request directly (tests, CLI).
  public init(
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
