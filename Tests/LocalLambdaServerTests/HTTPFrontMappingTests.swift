import Crypto
import CryptoExtras
import Foundation
import Testing

@testable import LocalLambdaServer

/// How `LocalHTTPFront` turns requests into payload 2.0 events, tokens into claims and answers into responses.
@Suite("HTTP front mapping")
struct HTTPFrontMappingTests {
  private func base64URL(_ bytes: some Sequence<UInt8>) -> String { Base64URL.encode(bytes) }

  private func event(_ json: [UInt8]) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
  }

  @Test func aRequestBecomesAFunctionURLEvent() throws {
    let built = FunctionURLEvent(
      method: "POST", target: "/users/u%231/entries?from=2026-01-01&tag=a&tag=b%20c&flag",
      headers: [
        ("Host", "127.0.0.1:8080"), ("X-Multi", "one"), ("x-multi", "two"), ("Cookie", "a=1; b=2"),
        ("Content-Type", "application/json"), ("User-Agent", "curl/8"),
      ], body: Array(#"{"k":"v"}"#.utf8), sourceIp: "127.0.0.1", claims: ["sub": "u#1"], requestId: "r1",
      now: Date(timeIntervalSince1970: 1_765_000_000.5))
    let json = try event(try built.json())
    #expect(json["version"] as? String == "2.0")
    #expect(json["routeKey"] as? String == "$default")
    #expect(json["rawPath"] as? String == "/users/u%231/entries")
    #expect(json["rawQueryString"] as? String == "from=2026-01-01&tag=a&tag=b%20c&flag")
    #expect(json["queryStringParameters"] as? [String: String] == ["from": "2026-01-01", "tag": "a,b c", "flag": ""])
    #expect(json["cookies"] as? [String] == ["a=1", "b=2"])
    let headers = try #require(json["headers"] as? [String: String])
    #expect(headers["x-multi"] == "one,two")
    #expect(headers["cookie"] == nil)
    #expect(json["body"] as? String == #"{"k":"v"}"#)
    #expect(json["isBase64Encoded"] as? Bool == false)
    let context = try #require(json["requestContext"] as? [String: Any])
    #expect(context["requestId"] as? String == "r1")
    #expect(context["timeEpoch"] as? Int == 1_765_000_000_500)
    #expect(context["time"] as? String == "06/Dec/2025:05:46:40 +0000")
    let http = try #require(context["http"] as? [String: Any])
    #expect(http["method"] as? String == "POST")
    #expect(http["sourceIp"] as? String == "127.0.0.1")
    let authorizer = try #require(context["authorizer"] as? [String: Any])
    #expect((authorizer["jwt"] as? [String: Any])?["claims"] as? [String: String] == ["sub": "u#1"])
  }

  @Test func aBinaryOrUntypedBodyArrivesInBase64() throws {
    for (type, body) in [("application/octet-stream", Array("text".utf8)), ("text/plain", [0xFF, 0xFE] as [UInt8])] {
      let built = FunctionURLEvent(
        method: "PUT", target: "/x", headers: [("Content-Type", type)], body: body, sourceIp: "127.0.0.1",
        claims: nil, requestId: "r", now: Date())
      let json = try event(try built.json())
      #expect(json["isBase64Encoded"] as? Bool == true)
      #expect((json["body"] as? String).flatMap { Data(base64Encoded: $0) }.map(Array.init) == body)
      #expect((json["requestContext"] as? [String: Any])?["authorizer"] == nil)
    }
  }

  @Test func aStructuredAnswerBecomesStatusHeadersCookiesAndBody() throws {
    let answer = Array(
      #"""
      {"statusCode":201,"headers":{"content-type":"text/plain","x-one":"1"},
       "multiValueHeaders":{"x-many":["a","b"]},"cookies":["s=1; HttpOnly"],
       "body":"aGVsbG8=","isBase64Encoded":true}
      """#.utf8)
    let response = try #require(ProxyResponse(functionAnswer: answer))
    #expect(response.status == 201)
    #expect(Array(response.body) == Array("hello".utf8))
    let lines = response.headers.map { "\($0.name): \($0.value)" }
    #expect(lines == ["x-many: a", "x-many: b", "content-type: text/plain", "x-one: 1", "set-cookie: s=1; HttpOnly"])
  }

  @Test func anUnstructuredAnswerIsA200JSONBodyAndABrokenOneA502() throws {
    let plain = try #require(ProxyResponse(functionAnswer: Array(#"{"hello":"world"}"#.utf8)))
    #expect(plain.status == 200)
    #expect(plain.body == Array(#"{"hello":"world"}"#.utf8))
    #expect(ProxyResponse(functionAnswer: Array(#"{"statusCode":"two hundred"}"#.utf8)) == nil)
    #expect(ProxyResponse(functionAnswer: Array(#"{"statusCode":99}"#.utf8)) == nil)
    #expect(ProxyResponse(functionAnswer: Array(#"{"statusCode":200,"body":"%%","isBase64Encoded":true}"#.utf8)) == nil)
  }

  @Test func claimsAreDecodedAndTimedAsTheAuthorizerDoes() throws {
    let now = Date(timeIntervalSince1970: 2_000_000_000)
    func token(_ payload: String) -> String {
      base64URL(Array(#"{"alg":"none"}"#.utf8)) + "." + base64URL(Array(payload.utf8)) + ".x"
    }
    let claims = try BearerClaims.read(
      authorization: "Bearer " + token(#"{"sub":"u1","exp":2000000001,"groups":["a","b"],"admin":false}"#), now: now,
      verifier: nil)
    #expect(claims == ["sub": "u1", "exp": "2000000001", "groups": "[a b]", "admin": "false"])
    #expect(try BearerClaims.read(authorization: nil, now: now, verifier: nil) == nil)
    #expect(throws: BearerClaims.Refusal.expired) {
      try BearerClaims.read(authorization: "Bearer " + token(#"{"exp":2000000000}"#), now: now, verifier: nil)
    }
    #expect(throws: BearerClaims.Refusal.notYetValid) {
      try BearerClaims.read(authorization: "Bearer " + token(#"{"nbf":2000000100}"#), now: now, verifier: nil)
    }
    #expect(throws: BearerClaims.Refusal.malformed) {
      try BearerClaims.read(authorization: "Bearer a.b", now: now, verifier: nil)
    }
    #expect(throws: BearerClaims.Refusal.notBearer) {
      try BearerClaims.read(authorization: "Basic dTE6cHc=", now: now, verifier: nil)
    }
  }

  @Test func signaturesAreVerifiedAgainstTheKeySet() throws {
    let ecKey = P256.Signing.PrivateKey()
    let rsaKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
    let point = ecKey.publicKey.rawRepresentation
    let (modulus, exponent) = try rsaParts(rsaKey.publicKey)
    let jwks = #"""
      {"keys":[
        {"kty":"EC","crv":"P-256","kid":"ec","x":"\#(base64URL(point.prefix(32)))","y":"\#(base64URL(point.suffix(32)))"},
        {"kty":"RSA","kid":"rsa","n":"\#(base64URL(modulus))","e":"\#(base64URL(exponent))"}
      ]}
      """#
    let verifier = try JWKSVerifier(jwks: Array(jwks.utf8))
    let payload = base64URL(Array(#"{"sub":"u1"}"#.utf8))
    func signed(alg: String, kid: String, sign: (Data) throws -> Data) throws -> String {
      let input = base64URL(Array(#"{"alg":"\#(alg)","kid":"\#(kid)"}"#.utf8)) + "." + payload
      return input + "." + base64URL(try sign(Data(input.utf8)))
    }
    let es = try signed(alg: "ES256", kid: "ec") { try ecKey.signature(for: $0).rawRepresentation }
    let rs = try signed(alg: "RS256", kid: "rsa") {
      try rsaKey.signature(for: $0, padding: .insecurePKCS1v1_5).rawRepresentation
    }
    let now = Date()
    for token in [es, rs] {
      #expect(try BearerClaims.read(authorization: "Bearer " + token, now: now, verifier: verifier) == ["sub": "u1"])
      let tampered = token.replacingOccurrences(of: payload, with: base64URL(Array(#"{"sub":"u2"}"#.utf8)))
      #expect(throws: BearerClaims.Refusal.badSignature) {
        try BearerClaims.read(authorization: "Bearer " + tampered, now: now, verifier: verifier)
      }
    }
    let wrongKid = try signed(alg: "ES256", kid: "rsa") { try ecKey.signature(for: $0).rawRepresentation }
    let unsigned = base64URL(Array(#"{"alg":"none"}"#.utf8)) + "." + payload + "."
    for token in [wrongKid, unsigned] {
      #expect(throws: BearerClaims.Refusal.badSignature) {
        try BearerClaims.read(authorization: "Bearer " + token, now: now, verifier: verifier)
      }
    }
    #expect(throws: JWKSVerifier.InvalidKeySet.self) { try JWKSVerifier(jwks: Array(#"{"keys":[]}"#.utf8)) }
  }

  /// An RSA public key's modulus and exponent, from its PKCS#1 DER (`SEQUENCE { INTEGER n, INTEGER e }`).
  private func rsaParts(_ key: _RSA.Signing.PublicKey) throws -> (modulus: [UInt8], exponent: [UInt8]) {
    let pkcs1 = Array(key.pkcs1DERRepresentation)
    var index = 0
    func length() -> Int {
      let first = Int(pkcs1[index])
      index += 1
      guard first & 0x80 != 0 else { return first }
      var value = 0
      for _ in 0..<(first & 0x7F) {
        value = value << 8 | Int(pkcs1[index])
        index += 1
      }
      return value
    }
    func integer() -> [UInt8] {
      index += 1  // INTEGER tag
      let count = length()
      defer { index += count }
      return Array(pkcs1[index..<(index + count)].drop { $0 == 0 })
    }
    index += 1  // SEQUENCE tag
    _ = length()
    return (integer(), integer())
  }
}
