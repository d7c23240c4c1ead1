import Foundation
import Testing

@testable import SigV4

/// Runs every case of AWS's official SigV4 test suite in both header-signing and query-presigning modes.
@Suite struct SigV4SuiteTests {
  /// The cases of `tests/aws-signing-test-suite/v4` in awslabs/aws-c-auth, all of which the bundled copy holds.
  static let bundledCaseCount = 38

  @Test func everyCaseOfTheOfficialSuitePasses() throws {
    let directory = try #require(SigV4SuiteCase.suiteDirectory(), "no SigV4 suite directory")
    let cases = try SigV4SuiteCase.loadAll(from: directory)
    if ProcessInfo.processInfo.environment["SIGV4_SUITE_DIR"]?.isEmpty ?? true {
      #expect(cases.count == Self.bundledCaseCount, "the bundled suite lost or gained cases")
    }
    let skips = try SigV4SuiteCase.skips()
    let unknownSkips = Set(skips.keys).subtracting(cases.map(\.name))
    #expect(unknownSkips.isEmpty, "sigv4-skip.txt names cases the suite does not have: \(unknownSkips.sorted())")
    var failures: [String] = []
    var ran = 0
    for suiteCase in cases where skips[suiteCase.name] == nil {
      ran += 1
      failures += try Self.headerFailures(suiteCase).map { "\(suiteCase.name) [header] \($0)" }
      failures += try Self.queryFailures(suiteCase).map { "\(suiteCase.name) [query] \($0)" }
    }
    #expect(ran > 0, "every case was skipped")
    #expect(failures.isEmpty, "\(failures.count) failing checks:\n\(failures.joined(separator: "\n"))")
  }

  static func signingInputs(_ suiteCase: SigV4SuiteCase) throws -> (SigV4Signer, SigningRequest, Credentials, Date) {
    let context = suiteCase.context
    let signer = SigV4Signer(region: context.region, service: context.service)
    let request = suiteCase.request
    let signingRequest = SigningRequest(
      method: request.method, path: request.path, query: request.query, headers: request.headers,
      payload: .bytes(Array(request.body.utf8)))
    let credentials = Credentials(
      accessKeyId: context.credentials.accessKeyId, secretAccessKey: context.credentials.secretAccessKey,
      sessionToken: context.credentials.token)
    let date = try Date(context.timestamp, strategy: .iso8601)
    return (signer, signingRequest, credentials, date)
  }

  static func options(_ suiteCase: SigV4SuiteCase) -> SigningOptions {
    SigningOptions(
      normalizePath: suiteCase.context.normalize, signBodyHeader: suiteCase.context.signBody,
      omitSessionTokenFromSignature: suiteCase.context.omitSessionToken ?? false)
  }

  static func headerFailures(_ suiteCase: SigV4SuiteCase) throws -> [String] {
    let (signer, request, credentials, date) = try signingInputs(suiteCase)
    let signed = signer.sign(request, credentials: credentials, date: date, options: options(suiteCase))
    var signedRequest = suiteCase.request
    signedRequest.headers += signed.addedHeaders
    return try compare([
      ("canonical request", signed.canonicalRequest, suiteCase.expected("header-canonical-request.txt")),
      ("string to sign", signed.stringToSign, suiteCase.expected("header-string-to-sign.txt")),
      ("signature", signed.signature, suiteCase.expected("header-signature.txt")),
    ]) + compareRequests(signedRequest, try suiteCase.expected("header-signed-request.txt"))
  }

  static func queryFailures(_ suiteCase: SigV4SuiteCase) throws -> [String] {
    let (signer, request, credentials, date) = try signingInputs(suiteCase)
    let expires = suiteCase.context.expirationInSeconds ?? 3600
    let presigned = signer.presign(
      request, credentials: credentials, expires: expires, date: date, options: options(suiteCase))
    var signedRequest = suiteCase.request
    signedRequest.query = presigned.query
    return try compare([
      ("canonical request", presigned.canonicalRequest, suiteCase.expected("query-canonical-request.txt")),
      ("string to sign", presigned.stringToSign, suiteCase.expected("query-string-to-sign.txt")),
      ("signature", presigned.signature, suiteCase.expected("query-signature.txt")),
    ]) + compareRequests(signedRequest, try suiteCase.expected("query-signed-request.txt"))
  }

  static func compare(_ checks: [(String, String, String)]) -> [String] {
    checks.compactMap { name, actual, expected in
      actual == expected ? nil : "\(name) differs:\n--- expected\n\(expected)\n--- actual\n\(actual)"
    }
  }

  static func compareRequests(_ actual: RawHTTPRequest, _ expectedText: String) throws -> [String] {
    let expected = try RawHTTPRequest(parsing: expectedText)
    return actual == expected ? [] : ["signed request differs:\n--- expected\n\(expected)\n--- actual\n\(actual)"]
  }
}
