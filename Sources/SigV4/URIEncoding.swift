import SharedSupport

/// Percent-encoding as SigV4 defines it: every byte except `A-Z a-z 0-9 - _ . ~` becomes `%XX` (upper-case hex).
enum URIEncoding {

  static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
      UInt8(ascii: "~"):
      return true
    default:
      return false
    }
  }

  static func encode(_ text: some StringProtocol) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      if isUnreserved(byte) {
        out.append(byte)
      } else {
        out.append(UInt8(ascii: "%"))
        out.append(HexDigits.digit(byte >> 4, uppercase: true))
        out.append(HexDigits.digit(byte, uppercase: true))
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes `%XX` sequences; a malformed sequence is kept as written.
  static func decode(_ text: some StringProtocol) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
        let high = HexDigits.value(of: bytes[index + 1]), let low = HexDigits.value(of: bytes[index + 2])
      {
        out.append(high << 4 | low)
        index += 3
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Removes `.` and `..` segments and empty segments (duplicate slashes), keeping a trailing slash.
  static func normalizePath(_ path: String) -> String {
    var segments: [Substring] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..": _ = segments.popLast()
      default: segments.append(segment)
      }
    }
    var result = "/" + segments.joined(separator: "/")
    let endsAsDirectory = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
    if endsAsDirectory && !segments.isEmpty { result += "/" }
    return result
  }

  /// The canonical URI: each segment encoded; the raw path is encoded again for every service but S3.
  static func canonicalPath(_ rawPath: String, normalize: Bool, doubleEncode: Bool) -> String {
    if rawPath == "/" || rawPath.isEmpty { return "/" }
    let path = normalize ? normalizePath(rawPath) : (rawPath.isEmpty ? "/" : rawPath)
    return path.split(separator: "/", omittingEmptySubsequences: false)
      .map { encode(doubleEncode ? String($0) : decode($0)) }
      .joined(separator: "/")
  }

  /// The canonical query: parameters decoded, encoded again, sorted by name then value.
  static func canonicalQuery(_ rawQuery: String?) -> String {
    canonicalQuery(pairs: queryPairs(rawQuery).map { (encode($0.0), encode($0.1)) })
  }

  static func canonicalQuery(pairs: [(String, String)]) -> String {
    pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
      .map { "\($0.0)=\($0.1)" }
      .joined(separator: "&")
  }

  /// The decoded `name=value` pairs of a raw query string; a name without `=` has an empty value.
  static func queryPairs(_ rawQuery: String?) -> [(String, String)] {
    guard let rawQuery, !rawQuery.isEmpty else { return [] }
    return rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { item in
      guard let equals = item.firstIndex(of: "=") else { return (decode(item), "") }
      return (decode(item[..<equals]), decode(item[item.index(after: equals)...]))
    }
  }
}
