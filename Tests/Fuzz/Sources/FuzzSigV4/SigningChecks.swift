import FuzzSupport

@testable import SigV4

/// Signing any request works, gives the same answer twice, and has the shape AWS expects.
enum SigningChecks {
  private static let signer = SigV4Signer(region: "us-east-1", service: "service")
  private static let credentials = [
    Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
    Credentials(
      accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      sessionToken: "IQoJb3JpZ2luX2VjEFUaCXVzLWVhc3QtMSJH/fuzz=="),
  ]
  private static let optionSets = [
    SigningOptions(),
    SigningOptions(
      normalizePath: false, doubleEncodePath: false, signBodyHeader: true, omitSessionTokenFromSignature: true),
  ]

  static func check(_ request: FuzzRequest) {
    let signing = request.signingRequest
    for credentials in credentials {
      for options in optionSets {
        let first = signer.sign(signing, credentials: credentials, date: request.date, options: options)
        let second = signer.sign(signing, credentials: credentials, date: request.date, options: options)
        FuzzCheck.require(
          first.canonicalRequest == second.canonicalRequest && first.signature == second.signature,
          "signing is not deterministic")
        FuzzCheck.require(isSignature(first.signature), "signature \(first.signature)")
        let authorization = first.addedHeaders.last { $0.name == "Authorization" }?.value ?? ""
        FuzzCheck.require(
          authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
            && authorization.hasSuffix("Signature=" + first.signature), "Authorization: \(authorization)")
        checkDate(first.addedHeaders.first { $0.name == "X-Amz-Date" }?.value)
      }
      checkPresigning(request, signing, credentials)
    }
    if let headers = try? signer.signingHeaders(
      method: request.method, url: request.url, headers: request.headers, payload: .bytes(request.body),
      credentials: credentials[0], date: request.date, includeContentSHA256: true)
    {
      FuzzCheck.require(headers.contains { $0.name == "Authorization" }, "signingHeaders added no Authorization")
    }
  }

  private static func checkPresigning(
    _ request: FuzzRequest, _ signing: SigningRequest, _ credentials: Credentials
  ) {
    let first = signer.presign(signing, credentials: credentials, expires: 300, date: request.date)
    let second = signer.presign(signing, credentials: credentials, expires: 300, date: request.date)
    FuzzCheck.require(first.query == second.query, "presigning is not deterministic")
    FuzzCheck.require(first.query.hasSuffix("X-Amz-Signature=" + first.signature), "presigned query \(first.query)")
    if let url = try? signer.presignedURL(
      method: request.method, url: request.url, credentials: credentials, expires: 300, date: request.date)
    {
      FuzzCheck.require(RequestURL(url) != nil, "the presigned URL \(url.debugDescription) does not parse")
    }
  }

  /// `YYYYMMDDTHHMMSSZ`.
  private static func checkDate(_ amzDate: String?) {
    let bytes = Array((amzDate ?? "").utf8)
    let shaped =
      bytes.count == 16 && bytes[8] == UInt8(ascii: "T") && bytes[15] == UInt8(ascii: "Z")
      && (bytes[0..<8] + bytes[9..<15]).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    FuzzCheck.require(shaped, "X-Amz-Date \(amzDate ?? "missing")")
  }

  private static func isSignature(_ text: String) -> Bool {
    text.utf8.count == 64
      && text.utf8.allSatisfy {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
      }
  }
}
