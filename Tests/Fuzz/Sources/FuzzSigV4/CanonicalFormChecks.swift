import FuzzSupport

@testable import SigV4

/// The pieces of the canonical request, checked against SigV4's definition on their own.
enum CanonicalFormChecks {
  static func check(_ request: FuzzRequest) {
    checkEncoding(request.path)
    checkPath(request.path)
    checkQuery(request.query)
    checkHeaders(request.headers)
  }

  /// Percent-encoding leaves only unreserved bytes and `%XX`, and decoding undoes it.
  private static func checkEncoding(_ text: String) {
    let encoded = URIEncoding.encode(text)
    FuzzCheck.require(isEncoded(encoded), "encode(\(text.debugDescription)) = \(encoded.debugDescription)")
    FuzzCheck.require(URIEncoding.decode(encoded) == text, "decode(encode(\(text.debugDescription))) differs")
  }

  private static func checkPath(_ path: String) {
    let normalized = URIEncoding.normalizePath(path)
    FuzzCheck.require(normalized.hasPrefix("/"), "normalizePath(\(path.debugDescription)) = \(normalized)")
    let segments = normalized.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
    for (index, segment) in segments.enumerated() {
      let isLast = index == segments.count - 1
      FuzzCheck.require(
        segment != "." && segment != ".." && (!segment.isEmpty || isLast),
        "normalizePath(\(path.debugDescription)) left \(normalized.debugDescription)")
    }
    for (normalize, doubleEncode) in [(true, true), (false, false), (true, false)] {
      let canonical = URIEncoding.canonicalPath(path, normalize: normalize, doubleEncode: doubleEncode)
      let segmentsEncoded = canonical.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
        isEncoded($0)
      }
      FuzzCheck.require(segmentsEncoded, "canonicalPath(\(path.debugDescription)) = \(canonical.debugDescription)")
      // Without normalisation, decoding and encoding again is a fixed point (normalising could meet a decoded "%2E").
      if !normalize && !doubleEncode {
        let again = URIEncoding.canonicalPath(canonical, normalize: normalize, doubleEncode: false)
        FuzzCheck.require(again == canonical, "canonicalPath is not idempotent on \(path.debugDescription)")
      }
    }
  }

  /// Pairs of encoded names and values, sorted by name then value, and canonical already.
  private static func checkQuery(_ query: String?) {
    let canonical = URIEncoding.canonicalQuery(query)
    let pairs = canonical.isEmpty ? [] : canonical.split(separator: "&", omittingEmptySubsequences: false)
    var previous: (Substring, Substring)?
    for pair in pairs {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      FuzzCheck.require(parts.count == 2, "query pair \(pair) has no '='")
      FuzzCheck.require(isEncoded(parts[0]) && isEncoded(parts[1]), "query pair \(pair) is not encoded")
      if let previous {
        FuzzCheck.require(
          previous.0 < parts[0] || (previous.0 == parts[0] && previous.1 <= parts[1]), "query \(canonical) unsorted")
      }
      previous = (parts[0], parts[1])
    }
    FuzzCheck.require(URIEncoding.canonicalQuery(canonical) == canonical, "canonicalQuery is not idempotent")
  }

  /// Names lowercased, sorted and unique; values trimmed with inner runs of blanks folded to one space.
  private static func checkHeaders(_ headers: [(name: String, value: String)]) {
    let canonical = CanonicalHeaders(headers)
    for header in headers {
      let value = CanonicalHeaders.canonicalValue(header.value)
      FuzzCheck.require(isFolded(value), "canonicalValue(\(header.value.debugDescription)) = \(value.debugDescription)")
    }
    // With names that are HTTP tokens, the signed names can be split and compared.
    guard headers.allSatisfy({ isToken($0.name) }) else { return }
    let names = canonical.signedNamesText.split(separator: ";").map(String.init)
    let expected = Set(headers.map { $0.name.lowercased() }.filter { !CanonicalHeaders.isUnsigned($0) })
    FuzzCheck.require(names == expected.sorted(), "signed names \(canonical.signedNamesText) for \(expected.sorted())")
    // Split as bytes: a value ending in CR would join the line break into one "\r\n" Character.
    let blockNames = canonical.block.split(separator: UInt8(ascii: "\n")).map {
      String(decoding: $0.prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self)
    }
    FuzzCheck.require(blockNames == names, "the header block does not list the signed names in order")
  }

  /// No tab, no blank at either end, no two blanks in a row; checked as bytes, as the signer works.
  private static func isFolded(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    let space = UInt8(ascii: " ")
    guard bytes.first != space, bytes.last != space, !bytes.contains(UInt8(ascii: "\t")) else { return false }
    return !zip(bytes, bytes.dropFirst()).contains { $0 == space && $1 == space }
  }

  private static func isEncoded(_ text: some StringProtocol) -> Bool {
    var bytes = text.utf8.makeIterator()
    while let byte = bytes.next() {
      if URIEncoding.isUnreserved(byte) { continue }
      guard byte == UInt8(ascii: "%"), let high = bytes.next(), let low = bytes.next(), isUpperHex(high),
        isUpperHex(low)
      else { return false }
    }
    return true
  }

  private static func isUpperHex(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
  }

  /// RFC 9110's `token`: the characters a header name may have.
  private static func isToken(_ name: String) -> Bool {
    !name.isEmpty
      && name.utf8.allSatisfy { byte in
        URIEncoding.isUnreserved(byte) || "!#$&'*+^`|".utf8.contains(byte)
      }
  }
}
