/// Switches that change how a request is signed.
public struct SigningOptions: Sendable, Equatable {
  /// Remove `.`/`..` segments and duplicate slashes from the path before signing (false for S3).
  public var normalizePath = true
  /// Encode the already-encoded path once more, as every service but S3 expects.
  public var doubleEncodePath = true
  /// Add and sign `X-Amz-Content-Sha256` (header signing only).
  public var signBodyHeader = false
  /// Leave the session token out of the signature and add it afterwards (some services want this).
  public var omitSessionTokenFromSignature = false

  public init(
    normalizePath: Bool = true, doubleEncodePath: Bool = true, signBodyHeader: Bool = false,
    omitSessionTokenFromSignature: Bool = false
  ) {
    self.normalizePath = normalizePath
    self.doubleEncodePath = doubleEncodePath
    self.signBodyHeader = signBodyHeader
    self.omitSessionTokenFromSignature = omitSessionTokenFromSignature
  }
}
