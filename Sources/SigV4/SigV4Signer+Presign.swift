#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension SigV4Signer {
  /// Signs in the query string (a presigned URL) valid for `expires` seconds from `date`.
  public func presign(
    _ request: SigningRequest, credentials: Credentials, expires: Int, date: Date = Date(),
    options: SigningOptions = .init()
  ) -> PresignedRequest {
    let time = SigningTime(date)
    let headers = CanonicalHeaders(request.headers)
    var added: [(String, String)] = [
      ("X-Amz-Algorithm", Self.algorithm),
      ("X-Amz-Credential", "\(credentials.accessKeyId)/\(scope(time))"),
      ("X-Amz-Date", time.amzDate),
      ("X-Amz-SignedHeaders", headers.signedNamesText),
      ("X-Amz-Expires", String(expires)),
    ]
    let token = credentials.sessionToken.map { ("X-Amz-Security-Token", $0) }
    if let token, !options.omitSessionTokenFromSignature { added.append(token) }

    let existing = URIEncoding.queryPairs(request.query)
    let encodedPairs = (existing + added).map { (URIEncoding.encode($0.0), URIEncoding.encode($0.1)) }
    let canonical = canonicalRequest(
      request, query: URIEncoding.canonicalQuery(pairs: encodedPairs), headers: headers,
      payloadHash: request.payload.hexDigest, options: options)
    let signature = signature(of: canonical, time: time, credentials: credentials)

    if let token, options.omitSessionTokenFromSignature { added.append(token) }
    added.append(("X-Amz-Signature", signature.value))
    let addedQuery = added.map { "\(URIEncoding.encode($0.0))=\(URIEncoding.encode($0.1))" }.joined(separator: "&")
    let query = [request.query, addedQuery].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: "&")
    return PresignedRequest(
      canonicalRequest: String(decoding: canonical, as: UTF8.self),
      stringToSign: String(decoding: signature.stringToSign, as: UTF8.self), signature: signature.value, query: query)
  }

  /// A presigned URL for `method` on `url`, valid for `expires` seconds (at most 7 days by AWS's rules).
  public func presignedURL(
    method: String, url: String, credentials: Credentials, expires: Int, date: Date = Date(),
    payload: PayloadHash = .unsigned
  ) throws -> String {
    guard let parts = RequestURL(url) else { throw SigningError.invalidURL(url) }
    let request = try SigningRequest(method: method, url: url, headers: [], payload: payload)
    let presigned = presign(request, credentials: credentials, expires: expires, date: date)
    return "\(parts.scheme)://\(parts.authority)\(parts.path)?\(presigned.query)"
  }
}

/// The outcome of query-string presigning.
public struct PresignedRequest: Sendable {
  public let canonicalRequest: String
  public let stringToSign: String
  public let signature: String
  /// The full query string to send: the request's own parameters, then the signing ones.
  public let query: String
}
