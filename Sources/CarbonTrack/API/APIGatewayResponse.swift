import LambdaEvents

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
/// CarbonTrack's JSON and error answers.
extension APIGatewayResponse {
  /// A JSON response with `value` as the body.
  package static func json(_ statusCode: Int, _ value: some Encodable) -> APIGatewayResponse {
    do {
      let body = try JSONCoding.encode(value)
      return APIGatewayResponse(
        statusCode: statusCode, headers: ["content-type": "application/json"],
        body: String(decoding: body, as: UTF8.self))
    } catch {
      return APIGatewayResponse(
        statusCode: 500, headers: ["content-type": "application/json"],
        body: #"{"error":"InternalError","message":"response could not be encoded"}"#)
    }
  }

  /// `204 No Content`, with an empty body.
  package static let noContent = APIGatewayResponse(statusCode: 204)

  /// The error body `{"error", "message", "fields"?}` with the error's status code.
  package static func error(_ error: CarbonTrackError) -> APIGatewayResponse {
    var response = json(error.statusCode, ErrorBody(error))
    if case .methodNotAllowed(_, let allowed) = error { response.headers["allow"] = allowed.joined(separator: ", ") }
    return response
  }
}

/// The JSON body of every error response and error result.
package struct ErrorBody: Sendable, Codable, Equatable {
  package var error: String
  package var message: String
  /// Present for validation errors only.
  package var fields: [FieldError]?

  /// The body for `error`.
  package init(_ error: CarbonTrackError) {
    self.error = error.code
    self.message = error.description
    let fields = error.fieldErrors
    self.fields = fields.isEmpty ? nil : fields
  }
}
