/// An API Gateway HTTP API proxy event (payload format 2.0); only the fields CarbonTrack reads.
package struct APIGatewayV2Request: Sendable, Codable {
  /// `requestContext` of a v2 event.
  package struct Context: Sendable, Codable {
    /// `requestContext.http`.
    package struct HTTP: Sendable, Codable {
      package var method: String
      package var path: String?
    }
    /// `requestContext.authorizer`; only the JWT authorizer's `sub` claim is used.
    package struct Authorizer: Sendable, Codable {
      /// `requestContext.authorizer.jwt`.
      package struct JWT: Sendable, Codable {
        package var claims: Claims?
      }
      package var jwt: JWT?
    }
    package var http: HTTP
    package var requestId: String?
    package var stage: String?
    package var domainName: String?
    package var authorizer: Authorizer?
  }

  package var version: String
  package var routeKey: String?
  package var rawPath: String
  package var rawQueryString: String?
  package var headers: [String: String]?
  package var queryStringParameters: [String: String]?
  package var pathParameters: [String: String]?
  package var requestContext: Context
  package var body: String?
  package var isBase64Encoded: Bool?
}

/// Authorizer claims; other claims (arrays, numbers) are ignored, so their types do not matter.
package struct Claims: Sendable, Codable {
  package var sub: String?
}
