import Foundation
import Testing

@testable import SigV4

@Suite struct SignerTests {
  let credentials = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
  let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

  @Test func signingHeadersAddHostWithPortDateTokenAndAuthorization() throws {
    let signer = SigV4Signer(region: "us-east-1", service: "dynamodb")
    var withToken = credentials
    withToken.sessionToken = "session"
    let headers = try signer.signingHeaders(
      method: "POST", url: "http://127.0.0.1:5055/",
      headers: [("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "DynamoDB_20120810.ListTables")],
      payload: .bytes(Array("{}".utf8)), credentials: withToken, date: date, includeContentSHA256: true)
    let names = headers.map(\.name)
    #expect(names == ["Host", "X-Amz-Security-Token", "X-Amz-Date", "x-amz-content-sha256", "Authorization"])
    #expect(headers[0].value == "127.0.0.1:5055")
    #expect(headers[2].value == "20150830T123600Z")
    #expect(headers[3].value == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
    let authorization = headers[4].value
    #expect(
      authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/dynamodb/aws4_request, "))
    #expect(
      authorization.contains(
        "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target,"))
  }

  @Test func headersThatProxiesChangeAreNotSigned() {
    let signer = SigV4Signer(region: "us-east-1", service: "service")
    let request = SigningRequest(
      method: "GET", path: "/",
      headers: [("Host", "example.amazonaws.com"), ("User-Agent", "x"), ("X-Amzn-Trace-Id", "y")],
      payload: .bytes([]))
    let signed = signer.sign(request, credentials: credentials, date: date)
    #expect(signed.signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
  }

  @Test func pathIsEncodedTwiceExceptForS3() {
    let signer = SigV4Signer(region: "us-east-1", service: "service")
    let request = SigningRequest(method: "GET", path: "/a%20b/c", headers: [("Host", "h")], payload: .unsigned)
    let double = signer.sign(request, credentials: credentials, date: date)
    let single = signer.sign(
      request, credentials: credentials, date: date,
      options: SigningOptions(normalizePath: false, doubleEncodePath: false))
    #expect(double.canonicalRequest.split(separator: "\n")[1] == "/a%2520b/c")
    #expect(single.canonicalRequest.split(separator: "\n")[1] == "/a%20b/c")
    #expect(double.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
  }

  @Test func presignedURLCarriesEverySigningParameter() throws {
    let signer = SigV4Signer(region: "eu-west-1", service: "s3")
    let url = try signer.presignedURL(
      method: "GET", url: "https://bucket.s3.amazonaws.com/key?versionId=1", credentials: credentials, expires: 900,
      date: date)
    #expect(url.hasPrefix("https://bucket.s3.amazonaws.com/key?versionId=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&"))
    #expect(url.contains("X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Feu-west-1%2Fs3%2Faws4_request"))
    #expect(url.contains("X-Amz-Expires=900"))
    #expect(url.range(of: #"X-Amz-Signature=[0-9a-f]{64}$"#, options: .regularExpression) != nil)
  }

  @Test func invalidURLIsAClearError() {
    let signer = SigV4Signer(region: "us-east-1", service: "dynamodb")
    #expect(throws: SigningError.invalidURL("not a url")) {
      try signer.signingHeaders(
        method: "GET", url: "not a url", headers: [], payload: .unsigned, credentials: credentials)
    }
  }

  @Test func signingTimeFormatsUTCAcrossLeapDays() {
    #expect(SigningTime(Date(timeIntervalSince1970: 951_782_400)).amzDate == "20000229T000000Z")
    #expect(SigningTime(Date(timeIntervalSince1970: 4_102_444_799)).amzDate == "20991231T235959Z")
    #expect(SigningTime(Date(timeIntervalSince1970: 4_107_542_400)).amzDate == "21000301T000000Z")
    #expect(SigningTime(Date(timeIntervalSince1970: 0)).dateStamp == "19700101")
  }

  @Test func derivedKeyMatchesAWSDocumentedExample() {
    // AWS's documented derivation example (secret, 20120215, us-east-1, iam).
    let key = SigningKeyCache.derive(
      secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", dateStamp: "20120215", region: "us-east-1", service: "iam")
    #expect(
      key.withUnsafeBytes { Hex.encode($0) } == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
  }
}
