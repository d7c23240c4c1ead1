import LambdaEvents

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Which browser origins may call the API (`CORS_ALLOWED_ORIGINS`: a comma-separated list of origins such as
/// `https://app.example.com`, or `*`; unset allows none), and the answers that say so.
///
/// The function answers CORS itself, so every front behaves alike (a function URL, `carbontrack serve --http`); the
/// HTTP API in infra/template.yaml is given the same list, and API Gateway then answers preflights before the
/// authorizer runs.
package struct CORSPolicy: Sendable, Equatable {
  /// The request headers a browser may send.
  package static let allowedHeaders = "authorization, content-type, idempotency-key"
  /// How long a browser may cache a preflight answer, in seconds.
  package static let maxAge = "600"

  /// Exact origins (compared byte for byte), or `["*"]`.
  package var allowedOrigins: [String]

  /// A policy that allows no origin.
  package init() {
    allowedOrigins = []
  }

  /// Parses `CORS_ALLOWED_ORIGINS`.
  package init(environmentValue: String?) throws(ConfigurationError) {
    let origins = (environmentValue ?? "").split(separator: ",").map { String($0).trimmingWhitespace() }
      .filter { !$0.isEmpty }
    for origin in origins where origin != "*" && !Self.isOrigin(origin) {
      throw .invalidValue(
        name: "CORS_ALLOWED_ORIGINS", value: environmentValue ?? "",
        expected: "a comma-separated list of origins (scheme://host[:port], no path) or *")
    }
    allowedOrigins = origins.contains("*") ? ["*"] : origins
  }

  /// The `Access-Control-Allow-Origin` value for a request from `origin`, or nil when it is not allowed.
  package func allowOrigin(for origin: String?) -> String? {
    guard let origin else { return nil }
    if allowedOrigins == ["*"] { return "*" }
    return allowedOrigins.contains { $0.utf8.elementsEqual(origin.utf8) } ? origin : nil
  }

  /// The answer to a preflight (`OPTIONS`) for a resource that accepts `methods`.
  package func preflight(origin: String?, methods: [String]) -> APIGatewayResponse {
    var response = APIGatewayResponse(statusCode: 204)
    guard let allowed = allowOrigin(for: origin) else { return response }
    response.headers["access-control-allow-origin"] = allowed
    response.headers["access-control-allow-methods"] = (methods + ["OPTIONS"]).joined(separator: ", ")
    response.headers["access-control-allow-headers"] = Self.allowedHeaders
    response.headers["access-control-max-age"] = Self.maxAge
    if allowed != "*" { response.headers["vary"] = "Origin" }
    return response
  }

  /// `response` with the headers that let a browser from `origin` read it.
  package func decorate(_ response: APIGatewayResponse, origin: String?) -> APIGatewayResponse {
    guard let allowed = allowOrigin(for: origin), response.headers["access-control-allow-origin"] == nil else {
      return response
    }
    var response = response
    response.headers["access-control-allow-origin"] = allowed
    if allowed != "*" { response.headers["vary"] = "Origin" }
    return response
  }

  /// `scheme://host[:port]` with nothing after it.
  private static func isOrigin(_ text: String) -> Bool {
    let parts = text.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0] == "http" || parts[0] == "https", !parts[1].isEmpty else { return false }
    return parts[1].utf8.allSatisfy { byte in
      byte != UInt8(ascii: "/") && byte != UInt8(ascii: "?") && byte != UInt8(ascii: "#") && byte > 0x20
        && byte < 0x7F
    }
  }
}
