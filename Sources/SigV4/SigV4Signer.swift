import Crypto

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Signs HTTP requests with AWS Signature Version 4 for one region and service.
public struct SigV4Signer: Sendable {
  static let algorithm = "AWS4-HMAC-SHA256"

  public let region: String
  public let service: String
  let keyCache = SigningKeyCache()

  public init(region: String, service: String) {
    self.region = region
    self.service = service
  }

  /// Signs with the `Authorization` header; returns every intermediate so callers and tests can inspect them.
  public func sign(
    _ request: SigningRequest, credentials: Credentials, date: Date = Date(), options: SigningOptions = .init()
  ) -> SignedRequest {
    let time = SigningTime(date)
    let payloadHash = request.payload.hexDigest
    var added: [(name: String, value: String)] = []
    added.reserveCapacity(4)
    if let token = credentials.sessionToken { added.append((name: "X-Amz-Security-Token", value: token)) }
    added.append((name: "X-Amz-Date", value: time.amzDate))
    if options.signBodyHeader { added.append((name: "x-amz-content-sha256", value: payloadHash)) }

    let tokenSignedLater = options.omitSessionTokenFromSignature && credentials.sessionToken != nil
    let signedExtra = tokenSignedLater ? Array(added.dropFirst()) : added
    let headers = CanonicalHeaders(request.headers + signedExtra)
    let canonical = canonicalRequest(
      request, query: URIEncoding.canonicalQuery(request.query), headers: headers,
      payloadHash: payloadHash, options: options)
    let signature = signature(of: canonical, time: time, credentials: credentials)
    let authorization =
      "\(Self.algorithm) Credential=\(credentials.accessKeyId)/\(scope(time)), "
      + "SignedHeaders=\(headers.signedNames), Signature=\(signature.value)"
    added.append((name: "Authorization", value: authorization))
    return SignedRequest(
      canonicalRequest: canonical, stringToSign: signature.stringToSign, signature: signature.value,
      addedHeaders: added)
  }

  /// The headers to add to a request to `url` (Host when missing, X-Amz-Date, X-Amz-Security-Token when there is a
  /// session token, X-Amz-Content-Sha256 when asked, Authorization).
  public func signingHeaders(
    method: String, url: String, headers: [(name: String, value: String)], payload: PayloadHash,
    credentials: Credentials, date: Date = Date(), includeContentSHA256: Bool = false
  ) throws -> [(name: String, value: String)] {
    let request = try SigningRequest(method: method, url: url, headers: headers, payload: payload)
    let hostAdded = request.headers.count > headers.count ? [request.headers[0]] : []
    let signed = sign(
      request, credentials: credentials, date: date, options: SigningOptions(signBodyHeader: includeContentSHA256))
    return hostAdded + signed.addedHeaders
  }

  func scope(_ time: SigningTime) -> String {
    "\(time.dateStamp)/\(region)/\(service)/aws4_request"
  }

  func canonicalRequest(
    _ request: SigningRequest, query: String, headers: CanonicalHeaders, payloadHash: String, options: SigningOptions
  ) -> String {
    let path = URIEncoding.canonicalPath(
      request.path, normalize: options.normalizePath, doubleEncode: options.doubleEncodePath)
    return [request.method.uppercased(), path, query, headers.block, headers.signedNames, payloadHash]
      .joined(separator: "\n")
  }

  func signature(of canonicalRequest: String, time: SigningTime, credentials: Credentials)
    -> (stringToSign: String, value: String)
  {
    let scope = scope(time)
    var stringToSign = ""
    stringToSign.reserveCapacity(Self.algorithm.utf8.count + time.amzDate.utf8.count + scope.utf8.count + 67)
    stringToSign.append(Self.algorithm)
    stringToSign.append("\n")
    stringToSign.append(time.amzDate)
    stringToSign.append("\n")
    stringToSign.append(scope)
    stringToSign.append("\n")
    stringToSign.append(Hex.sha256(canonicalRequest))
    var mac = keyCache.keyedMAC(
      secret: credentials.secretAccessKey, dateStamp: time.dateStamp, region: region, service: service)
    var text = stringToSign
    text.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
    return (stringToSign, Hex.encode(mac.finalize()))
  }
}

/// The outcome of header signing.
public struct SignedRequest: Sendable {
  public let canonicalRequest: String
  public let stringToSign: String
  public let signature: String
  /// Headers to add to the request, in the order AWS's reference signer adds them.
  public let addedHeaders: [(name: String, value: String)]
}
