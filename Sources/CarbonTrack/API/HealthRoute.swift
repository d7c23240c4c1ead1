import LambdaEvents

/// `GET /health`: whether the function runs and is configured, for load balancers and uptime checks. It needs no
/// token and reads nothing (no DynamoDB call), so a check costs one warm invocation and cannot leak user data.
package enum HealthRoute {
  package static let path = "/health"
  /// The methods it answers.
  package static let methods = ["GET"]

  /// Whether `path` is the health route (a trailing slash is ignored, as on every route).
  package static func matches(_ path: String) -> Bool {
    path == Self.path || path == Self.path + "/"
  }

  /// The answer when `path` is the health route, nil for every other path.
  package static func answer(method: String, path: String) throws(CarbonTrackError) -> APIGatewayResponse? {
    guard matches(path) else { return nil }
    guard method.uppercased() == "GET" else { throw .methodNotAllowed(method: method.uppercased(), allowed: methods) }
    return .json(200, ["status": "ok"])
  }
}
