import Crypto
import SharedSupport

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
    let headers = CanonicalHeaders(request.headers + (tokenSignedLater ? Array(added.dropFirst()) : added))
    let canonical = canonicalRequest(
      request, query: URIEncoding.canonicalQuery(request.query), headers: headers,
      payloadHash: payloadHash, options: options)
    let signature = signature(of: canonical, time: time, credentials: credentials)
    var authorization: [UInt8] = []
    authorization.reserveCapacity(256)
    authorization.append(contentsOf: Self.algorithm.utf8)
    authorization.append(contentsOf: " Credential=".utf8)
    authorization.append(contentsOf: credentials.accessKeyId.utf8)
    authorization.append(UInt8(ascii: "/"))
    appendScope(time, to: &authorization)
    authorization.append(contentsOf: ", SignedHeaders=".utf8)
    authorization.append(contentsOf: headers.signedNames)
    authorization.append(contentsOf: ", Signature=".utf8)
    authorization.append(contentsOf: signature.value.utf8)
    added.append((name: "Authorization", value: String(decoding: authorization, as: UTF8.self)))
    return SignedRequest(
      canonicalBytes: canonical, stringToSignBytes: signature.stringToSign, signature: signature.value,
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
    var scope: [UInt8] = []
    appendScope(time, to: &scope)
    return String(decoding: scope, as: UTF8.self)
  }

  /// `20150830/us-east-1/service/aws4_request`.
  func appendScope(_ time: SigningTime, to out: inout [UInt8]) {
    out.append(contentsOf: time.dateStamp.utf8)
    out.append(UInt8(ascii: "/"))
    out.append(contentsOf: region.utf8)
    out.append(UInt8(ascii: "/"))
    out.append(contentsOf: service.utf8)
    out.append(contentsOf: "/aws4_request".utf8)
  }

  // Written as bytes, as it is only hashed: every request is signed, and strings would be built to be thrown away.
  func canonicalRequest(
    _ request: SigningRequest, query: String, headers: CanonicalHeaders, payloadHash: String, options: SigningOptions
  ) -> [UInt8] {
    let path = URIEncoding.canonicalPath(
      request.path, normalize: options.normalizePath, doubleEncode: options.doubleEncodePath)
    var out: [UInt8] = []
    out.reserveCapacity(
      request.method.utf8.count + path.utf8.count + query.utf8.count + headers.block.count
        + headers.signedNames.count + payloadHash.utf8.count + 5)
    out.append(contentsOf: request.method.utf8.lazy.map { $0 >= 0x61 && $0 <= 0x7A ? $0 & 0xDF : $0 })
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: path.utf8)
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: query.utf8)
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: headers.block)
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: headers.signedNames)
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: payloadHash.utf8)
    return out
  }

  func signature(of canonicalRequest: [UInt8], time: SigningTime, credentials: Credentials)
    -> (stringToSign: [UInt8], value: String)
  {
    var stringToSign: [UInt8] = []
    stringToSign.reserveCapacity(192)
    stringToSign.append(contentsOf: Self.algorithm.utf8)
    stringToSign.append(UInt8(ascii: "\n"))
    stringToSign.append(contentsOf: time.amzDate.utf8)
    stringToSign.append(UInt8(ascii: "\n"))
    appendScope(time, to: &stringToSign)
    stringToSign.append(UInt8(ascii: "\n"))
    let digest = canonicalRequest.withUnsafeBytes { SHA256.hash(data: $0) }
    digest.withUnsafeBytes { HexDigits.append($0, to: &stringToSign) }
    var mac = keyCache.keyedMAC(
      secret: credentials.secretAccessKey, dateStamp: time.dateStamp, region: region, service: service)
    stringToSign.withUnsafeBytes { mac.update(data: $0) }
    return (stringToSign, Hex.encode(mac.finalize()))
  }
}

/// The outcome of header signing.
public struct SignedRequest: Sendable {
  let canonicalBytes: [UInt8]
  let stringToSignBytes: [UInt8]
  public var canonicalRequest: String { String(decoding: canonicalBytes, as: UTF8.self) }
  public var stringToSign: String { String(decoding: stringToSignBytes, as: UTF8.self) }
  public let signature: String
  /// Headers to add to the request, in the order AWS's reference signer adds them.
  public let addedHeaders: [(name: String, value: String)]
}
