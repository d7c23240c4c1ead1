/// An API Gateway REST API proxy event (payload format 1.0); only the fields CarbonTrack reads.
package struct APIGatewayV1Request: Sendable, Codable {
  /// `requestContext` of a v1 event.
  package struct Context: Sendable, Codable {
    /// `requestContext.authorizer`; a Cognito user pool authorizer puts the token's claims here.
    package struct Authorizer: Sendable, Codable {
      package var claims: Claims?
    }
    package var requestId: String?
    package var stage: String?
    package var authorizer: Authorizer?
  }

  package var resource: String?
  package var path: String
  package var httpMethod: String
  package var headers: [String: String]?
  package var queryStringParameters: [String: String]?
  package var pathParameters: [String: String]?
  package var requestContext: Context
  package var body: String?
  package var isBase64Encoded: Bool?
}
