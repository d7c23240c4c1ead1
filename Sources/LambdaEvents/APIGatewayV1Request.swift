/// An API Gateway REST API proxy event (payload format 1.0); the fields a function routes and authorises on (a
/// decoder skips the rest).
public struct APIGatewayV1Request: Sendable, Codable {
  /// `requestContext` of a v1 event.
  public struct Context: Sendable, Codable {
    /// `requestContext.authorizer`; a Cognito user pool authorizer puts the token's claims here.
    public struct Authorizer: Sendable, Codable {
      public var claims: Claims?
    }
    public var requestId: String?
    public var stage: String?
    public var authorizer: Authorizer?
  }

  public var resource: String?
  public var path: String
  public var httpMethod: String
  public var headers: [String: String]?
  public var queryStringParameters: [String: String]?
  public var pathParameters: [String: String]?
  public var requestContext: Context
  public var body: String?
  public var isBase64Encoded: Bool?
}
