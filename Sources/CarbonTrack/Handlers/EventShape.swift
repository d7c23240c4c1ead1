import LambdaEvents

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What an event is, told by its top-level members in the one decode the `router` handler makes: a direct action
/// (`action`), or an API Gateway proxy event (`rawPath` or `httpMethod`), which that same decode reads whole.
enum EventShape: Decodable {
  case action
  /// The API Gateway event, or why an event of that shape is not one (`invalidEvent`, naming the field).
  case api(Result<APIGatewayRequest, CarbonTrackError>)

  private enum CodingKeys: String, CodingKey {
    case action, rawPath, httpMethod
  }

  init(from decoder: any Decoder) throws {
    let members = try decoder.container(keyedBy: CodingKeys.self)
    if members.contains(.action) {
      self = .action
    } else if members.contains(.rawPath) || members.contains(.httpMethod) {
      do {
        self = .api(.success(try APIGatewayRequest(from: decoder)))
      } catch {
        self = .api(.failure(APIRequest.notAnEvent(error)))
      }
    } else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: "none of the members that pick a handler"))
    }
  }

  /// The shape of `event`; nil when it is not a JSON object or has none of the members that pick a handler.
  ///
  /// A plain API Gateway event is read directly (`APIGatewayRequest.read`), which costs a fraction of the decoder;
  /// any other event, or one the direct reader leaves alone, takes the decoder's way.
  static func of(_ event: [UInt8]) -> EventShape? {
    if let read = APIGatewayRequest.read(event) {
      return read.skippedMembers.contains(CodingKeys.action.stringValue) ? .action : .api(.success(read.event))
    }
    return try? JSONDecoder().decode(EventShape.self, from: Data(event))
  }

  /// The registered handler that serves this shape.
  var handlerName: String {
    switch self {
    case .action: CarbonTrackFunction.HandlerName.action
    case .api: CarbonTrackFunction.HandlerName.api
    }
  }
}
