/// What the signature covers of the request body.
public enum PayloadHash: Sendable, Equatable {
  /// The body itself; the signer hashes it.
  case bytes([UInt8])
  /// A SHA-256 hex digest computed by the caller (e.g. while streaming).
  case precomputed(String)
  /// `UNSIGNED-PAYLOAD`, for presigned URLs whose body is not known.
  case unsigned

  static let emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

  var hexDigest: String {
    switch self {
    case .bytes(let body): return body.isEmpty ? Self.emptySHA256 : Hex.sha256(body)
    case .precomputed(let digest): return digest
    case .unsigned: return "UNSIGNED-PAYLOAD"
    }
  }
}
