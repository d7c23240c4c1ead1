/// Every failure the CarbonTrack service reports to callers, with its HTTP status and Lambda error type.
package enum CarbonTrackError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The input is invalid; one entry per offending field.
  case validation([FieldError])
  /// No identity on an API request while `AUTH_MODE` requires one.
  case unauthorized(String)
  /// The identity may not access the requested user's data.
  case forbidden(String)
  /// The resource does not exist.
  case notFound(String)
  /// The path exists but not with this method.
  case methodNotAllowed(method: String, allowed: [String])
  /// The route answers only in a form this invocation cannot carry (a stream on a buffered invocation).
  case notAcceptable(String)
  /// A conditional write failed: the resource exists already or changed since it was read.
  case conflict(String)
  /// The idempotency key was used before with a different request.
  case keyReused(String)
  /// The resource would be larger than DynamoDB stores (400 KB per item).
  case payloadTooLarge(String)
  /// DynamoDB kept throttling after retries.
  case throttled(String)
  /// DynamoDB or the network failed after retries.
  case unavailable(String)
  /// A direct invocation named an action that does not exist.
  case unknownAction(String, known: [String])
  /// The event is not something this function understands.
  case invalidEvent(String)

  /// Shorthand for a single invalid field.
  package static func invalid(_ field: String, _ message: String) -> CarbonTrackError {
    .validation([FieldError(field: field, message: message)])
  }

  /// The HTTP status code for API Gateway responses.
  package var statusCode: Int {
    switch self {
    case .validation, .invalidEvent, .unknownAction: return 400
    case .unauthorized: return 401
    case .forbidden: return 403
    case .notFound: return 404
    case .methodNotAllowed: return 405
    case .notAcceptable: return 406
    case .conflict: return 409
    case .payloadTooLarge: return 413
    case .keyReused: return 422
    case .throttled: return 429
    case .unavailable: return 503
    }
  }

  /// A stable machine-readable code, used as the API `error` field and the Lambda error type.
  package var code: String {
    switch self {
    case .validation: return "ValidationFailed"
    case .unauthorized: return "Unauthorized"
    case .forbidden: return "Forbidden"
    case .notFound: return "NotFound"
    case .methodNotAllowed: return "MethodNotAllowed"
    case .notAcceptable: return "NotAcceptable"
    case .conflict: return "Conflict"
    case .payloadTooLarge: return "PayloadTooLarge"
    case .keyReused: return "IdempotencyKeyReused"
    case .throttled: return "Throttled"
    case .unavailable: return "ServiceUnavailable"
    case .unknownAction: return "UnknownAction"
    case .invalidEvent: return "InvalidEvent"
    }
  }

  /// The field errors, if this is a validation error.
  package var fieldErrors: [FieldError] {
    if case .validation(let errors) = self { return errors }
    return []
  }

  package var description: String {
    switch self {
    case .validation(let errors):
      return "Invalid input: " + errors.map(\.description).joined(separator: "; ")
    case .unauthorized(let message), .forbidden(let message), .notFound(let message), .notAcceptable(let message),
      .conflict(let message),
      .payloadTooLarge(let message), .keyReused(let message), .throttled(let message), .unavailable(let message),
      .invalidEvent(let message):
      return message
    case .methodNotAllowed(let method, let allowed):
      return "Method \(method) is not allowed here; use \(allowed.joined(separator: ", "))."
    case .unknownAction(let action, let known):
      return "Unknown action '\(action)'. Known actions: \(known.joined(separator: ", "))."
    }
  }
}
