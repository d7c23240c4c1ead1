/// A proxy integration response; the same shape serves payload formats 1.0 and 2.0 and function URLs.
public struct APIGatewayResponse: Sendable, Codable, Equatable {
  public var statusCode: Int
  public var headers: [String: String]
  public var body: String
  public var isBase64Encoded: Bool

  /// Creates a response.
  public init(statusCode: Int, headers: [String: String] = [:], body: String = "", isBase64Encoded: Bool = false) {
    self.statusCode = statusCode
    self.headers = headers
    self.body = body
    self.isBase64Encoded = isBase64Encoded
  }
}
