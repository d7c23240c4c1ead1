/// An API Gateway HTTP API proxy event (payload format 2.0); the fields a function routes and authorises on (a
/// decoder skips the rest).
public struct APIGatewayV2Request: Sendable, Codable {
  /// `requestContext` of a v2 event.
  public struct Context: Sendable, Codable {
    /// `requestContext.http`.
    public struct HTTP: Sendable, Codable {
      public var method: String
      public var path: String?
    }
    /// `requestContext.authorizer`; only the JWT authorizer's `sub` claim is used.
    public struct Authorizer: Sendable, Codable {
      /// `requestContext.authorizer.jwt`.
      public struct JWT: Sendable, Codable {
        public var claims: Claims?
      }
      public var jwt: JWT?
    }
    public var http: HTTP
    public var requestId: String?
    public var stage: String?
    public var domainName: String?
    public var authorizer: Authorizer?
  }

  public var version: String
  public var routeKey: String?
  public var rawPath: String
  public var rawQueryString: String?
  public var headers: [String: String]?
  public var queryStringParameters: [String: String]?
  public var pathParameters: [String: String]?
  public var requestContext: Context
  public var body: String?
  public var isBase64Encoded: Bool?
}

/// Authorizer claims: the subject only; other claims (arrays, numbers) are skipped, so their types do not matter.
public struct Claims: Sendable, Codable {
  public var sub: String?
}
