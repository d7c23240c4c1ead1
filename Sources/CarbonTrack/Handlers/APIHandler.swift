import DynamoDB
import LambdaEvents
import LambdaRuntime

/// Serves API Gateway proxy events (payload v1 and v2) and always answers with an HTTP response.
package struct APIHandler: RawLambdaHandler {
  let executor: OperationExecutor
  let authMode: AuthMode
  let cors: CORSPolicy

  /// A handler on `store` applying `authMode` to requests without an identity, and `cors` to browsers' requests.
  package init(store: CarbonTrackStore, authMode: AuthMode, cors: CORSPolicy = CORSPolicy()) {
    executor = OperationExecutor(store: store)
    self.authMode = authMode
    self.cors = cors
  }

  package func handle(_ event: [UInt8], context: LambdaContext) async throws -> [UInt8] {
    try await answer(Self.parse(event), context: context)
  }

  /// The whole answer to a parsed event: the route's response, or the error response for a bad part.
  func answer(_ parsed: Result<APIRequest, CarbonTrackError>, context: LambdaContext) async throws -> [UInt8] {
    switch parsed {
    case .success(let request): await respond(to: request, context: context).jsonBytes
    case .failure(let error): APIGatewayResponse.error(error).jsonBytes
    }
  }

  /// The request in `event`, or the client's mistake in an API Gateway event with a bad part (e.g. a body marked
  /// base64 that is not), to answer over HTTP; throws `invalidEvent` for an event that is not API Gateway's at all,
  /// which has no HTTP caller to answer, so the invocation itself fails.
  static func parse(_ event: [UInt8]) throws(CarbonTrackError) -> Result<APIRequest, CarbonTrackError> {
    do {
      return .success(try APIRequest(event: event))
    } catch .invalidEvent(let message) {
      throw .invalidEvent(message)
    } catch {
      return .failure(error)
    }
  }

  /// The request in a decoded event, or the client's mistake in one of its parts.
  static func parse(_ event: APIGatewayRequest) -> Result<APIRequest, CarbonTrackError> {
    do {
      return .success(try APIRequest(event))
    } catch {
      return .failure(error)
    }
  }

  /// The response to one request, with CORS headers for an allowed browser origin.
  package func respond(to request: APIRequest, context: LambdaContext) async -> APIGatewayResponse {
    cors.decorate(await answer(request, context: context), origin: request.headers["origin"])
  }

  private func answer(_ request: APIRequest, context: LambdaContext) async -> APIGatewayResponse {
    do {
      if request.method.uppercased() == "OPTIONS" {
        return cors.preflight(origin: request.headers["origin"], methods: try RouteTable.methods(for: request.path))
      }
      if let health = try HealthRoute.answer(method: request.method, path: request.path) { return health }
      let route = try RouteTable.match(method: request.method, path: request.path)
      try authorize(request, userId: route.userId)
      let input = OperationInput(
        operation: route.operation, userId: route.userId, resourceId: route.resourceId, query: request.query,
        body: request.body, idempotencyKey: request.headers["idempotency-key"])
      let result = try await DynamoDBDeadline.run(within: context) { try await executor.execute(input) }
      if result.statusCode == 204 { return .noContent }
      return APIGatewayResponse(
        statusCode: result.statusCode, headers: ["content-type": "application/json"],
        body: String(decoding: result.body, as: UTF8.self))
    } catch {
      return respondToFailure(error, request: request, context: context)
    }
  }

  /// The error response for `error`: its own status for a `CarbonTrackError`, else a logged 500.
  func respondToFailure(_ error: any Error, request: APIRequest, context: LambdaContext) -> APIGatewayResponse {
    if let known = CarbonTrackError(error) { return .error(known) }
    context.logger.error("Unhandled error for \(request.method) \(request.path): \(error)")
    return .json(500, InternalErrorBody(requestId: context.requestId))
  }

  /// 403 when the caller's identity is another user; 401 when there is none and `AUTH_MODE` requires one, or when
  /// it is not a valid user id.
  ///
  /// Identities compare as bytes: Swift's `==` on strings treats canonically equivalent text as equal, so a `sub`
  /// spelled with U+212A KELVIN SIGN would pass as the user "Kevin".
  func authorize(_ request: APIRequest, userId: String) throws(CarbonTrackError) {
    if let identity = request.identity {
      var validator = FieldValidator()
      guard validator.userId(identity, "sub") != nil else {
        throw .unauthorized("The token's subject (sub claim) is not a valid user id.")
      }
      guard identity.utf8.elementsEqual(userId.utf8) else { throw .forbidden("You may only access your own data.") }
    } else if authMode == .required {
      throw .unauthorized("This API requires an authenticated identity (JWT sub claim).")
    }
  }
}

/// The 500 body; details stay in the log, correlated by request id.
struct InternalErrorBody: Encodable {
  var error = "InternalError"
  var message = "An unexpected error occurred; it has been logged."
  var requestId: String
}
