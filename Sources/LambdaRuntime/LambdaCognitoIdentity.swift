/// The Amazon Cognito identity of the caller (`Lambda-Runtime-Cognito-Identity`).
public struct LambdaCognitoIdentity: Sendable, Hashable, Codable {
  /// The authenticated Cognito identity id.
  public var cognitoIdentityId: String?
  /// The Cognito identity pool that authorised the invocation.
  public var cognitoIdentityPoolId: String?
}
