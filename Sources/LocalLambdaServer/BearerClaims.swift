import Foundation

/// The claims of an `Authorization: Bearer <JWT>` header, as API Gateway's JWT authorizer hands them to the function
/// (`requestContext.authorizer.jwt.claims`, every value a string).
///
/// The token is decoded, and its `exp` and `nbf` checked, as the authorizer would; its signature is checked only
/// when the front has a `JWKSVerifier`.
enum BearerClaims {
  /// Why a request with an `Authorization` header is refused (401, as the authorizer refuses it).
  enum Refusal: Error, Equatable {
    case notBearer
    case malformed
    case expired
    case notYetValid
    case badSignature
  }

  /// The claims, or nil when the request has no `Authorization` header at all.
  static func read(
    authorization: String?, now: Date, verifier: JWKSVerifier?
  ) throws(Refusal) -> [String: String]? {
    guard let authorization else { return nil }
    let parts = authorization.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw .notBearer }
    let sections = parts[1].trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
    guard sections.count == 3, case .object(let header)? = json(sections[0]),
      case .object(let payload)? = json(sections[1])
    else { throw .malformed }
    if let verifier {
      guard let signature = Base64URL.decode(String(sections[2])),
        verifier.verifies(signature: signature, of: Array("\(sections[0]).\(sections[1])".utf8), header: header)
      else { throw .badSignature }
    }
    let now = now.timeIntervalSince1970
    if let expiry = payload["exp"]?.seconds, expiry <= now { throw .expired }
    if let notBefore = payload["nbf"]?.seconds, notBefore > now { throw .notYetValid }
    return payload.mapValues(\.claimText)
  }

  private static func json(_ section: Substring) -> JSONValue? {
    guard let bytes = Base64URL.decode(String(section)) else { return nil }
    return try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }
}

/// Base64url without padding, as JWTs and JWKs use it.
enum Base64URL {
  static func encode(_ bytes: some Sequence<UInt8>) -> String {
    Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  static func decode(_ text: String) -> [UInt8]? {
    guard !text.contains("=") else { return nil }
    var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
    return Data(base64Encoded: standard).map(Array.init)
  }
}
