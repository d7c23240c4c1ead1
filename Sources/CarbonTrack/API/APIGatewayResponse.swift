#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A proxy integration response; the same shape serves payload v1 and v2.
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

  /// A JSON response with `value` as the body.
  public static func json(_ statusCode: Int, _ value: some Encodable) -> APIGatewayResponse {
    do {
      let data = try JSONCoding.encoder.encode(value)
      return APIGatewayResponse(
        statusCode: statusCode, headers: ["content-type": "application/json"],
        body: String(decoding: data, as: UTF8.self))
    } catch {
      return APIGatewayResponse(
        statusCode: 500, headers: ["content-type": "application/json"],
        body: #"{"error":"InternalError","message":"response could not be encoded"}"#)
    }
  }

  /// `204 No Content`.
  public static let noContent = APIGatewayResponse(statusCode: 204)

  /// The error body `{"error", "message", "fields"?}` with the error's status code.
  public static func error(_ error: CarbonTrackError) -> APIGatewayResponse {
    var response = json(error.statusCode, ErrorBody(error))
    if case .methodNotAllowed(_, let allowed) = error { response.headers["allow"] = allowed.joined(separator: ", ") }
    return response
  }
}

/// The JSON body of every error response and error result.
public struct ErrorBody: Sendable, Codable, Equatable {
  public var error: String
  public var message: String
  /// Present for validation errors only.
  public var fields: [FieldError]?

  /// The body for `error`.
  public init(_ error: CarbonTrackError) {
    self.error = error.code
    self.message = error.description
    let fields = error.fieldErrors
    self.fields = fields.isEmpty ? nil : fields
  }
}
