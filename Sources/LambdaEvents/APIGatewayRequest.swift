/// An API Gateway proxy event in either payload format. Decoding reads `version` and then the matching format from
/// the same parsed document, so an event is parsed once whichever format it turns out to be.
public enum APIGatewayRequest: Sendable, Decodable {
  /// Payload format 1.0 (REST APIs, and HTTP APIs set to 1.0).
  case v1(APIGatewayV1Request)
  /// Payload format 2.0 (HTTP APIs and function URLs).
  case v2(APIGatewayV2Request)

  private enum CodingKeys: String, CodingKey {
    case version
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    // REST API events may omit `version`, and a non-text one says nothing about the format: both read as 1.0.
    if (try? container.decodeIfPresent(String.self, forKey: .version)) == "2.0" {
      self = .v2(try APIGatewayV2Request(from: decoder))
    } else {
      self = .v1(try APIGatewayV1Request(from: decoder))
    }
  }
}
