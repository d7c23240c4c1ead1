import Crypto
import CryptoExtras
import Foundation

/// Checks JWT signatures against a JSON Web Key Set, as API Gateway's JWT authorizer checks them against the
/// issuer's: RS256 (RSA keys) and ES256 (P-256 keys), the key chosen by the token's `kid`.
struct JWKSVerifier: Sendable {
  /// A JWKS that cannot be used.
  struct InvalidKeySet: Error, CustomStringConvertible {
    var description: String
  }

  private enum Key {
    case rsa(_RSA.Signing.PublicKey)
    case p256(P256.Signing.PublicKey)
  }

  private let keys: [(id: String?, key: Key)]

  /// Reads a JWKS document (`{"keys": [...]}`); keys of other types or curves are skipped.
  init(jwks: [UInt8]) throws(InvalidKeySet) {
    guard case .object(let document)? = try? JSONDecoder().decode(JSONValue.self, from: Data(jwks)),
      case .list(let entries)? = document["keys"]
    else { throw InvalidKeySet(description: "a JWKS is a JSON object with a \"keys\" list") }
    var keys: [(id: String?, key: Key)] = []
    for case .object(let entry) in entries {
      let id = entry["kid"]?.string
      switch (entry["kty"]?.string, entry["crv"]?.string) {
      case ("RSA", _):
        guard let n = entry["n"]?.string.flatMap(Base64URL.decode),
          let e = entry["e"]?.string.flatMap(Base64URL.decode),
          let key = try? _RSA.Signing.PublicKey(n: n, e: e)
        else { throw InvalidKeySet(description: "RSA key \(id ?? "without kid") needs n and e of 2048 bits or more") }
        keys.append((id, .rsa(key)))
      case ("EC", "P-256"):
        guard let x = entry["x"]?.string.flatMap(Base64URL.decode),
          let y = entry["y"]?.string.flatMap(Base64URL.decode),
          x.count == 32, y.count == 32, let key = try? P256.Signing.PublicKey(rawRepresentation: x + y)
        else { throw InvalidKeySet(description: "P-256 key \(id ?? "without kid") needs 32-byte x and y") }
        keys.append((id, .p256(key)))
      default:
        continue
      }
    }
    guard !keys.isEmpty else { throw InvalidKeySet(description: "the JWKS holds no RSA or P-256 key") }
    self.keys = keys
  }

  /// Whether `signature` signs `input` under the token header's `alg` with the key its `kid` names (any key of the
  /// right type when the token names none).
  func verifies(signature: [UInt8], of input: [UInt8], header: [String: JSONValue]) -> Bool {
    let id = header["kid"]?.string
    let candidates = keys.filter { id == nil || $0.id == id }
    switch header["alg"]?.string {
    case "RS256":
      let signature = _RSA.Signing.RSASignature(rawRepresentation: signature)
      return candidates.contains { candidate in
        guard case .rsa(let key) = candidate.key else { return false }
        return key.isValidSignature(signature, for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5)
      }
    case "ES256":
      guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
      return candidates.contains { candidate in
        guard case .p256(let key) = candidate.key else { return false }
        return key.isValidSignature(signature, for: SHA256.hash(data: input))
      }
    default:
      return false
    }
  }
}
