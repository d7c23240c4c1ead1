import Testing

@testable import SigV4

/// Header values canonicalise as AWS's reference signer does: trimmed, each run of whitespace one space.
@Suite struct CanonicalHeadersTests {
  @Test func lineBreaksAndOtherASCIIWhitespaceFoldToOneSpace() {
    #expect(CanonicalHeaders.canonicalValue("value1\n  value2\n     value3") == "value1 value2 value3")
    #expect(CanonicalHeaders.canonicalValue(" \r\n\ta \r\n b\u{0B}\u{0C}c\t\r\n") == "a b c")
    #expect(CanonicalHeaders.canonicalValue("a\rb") == "a b")
    #expect(CanonicalHeaders.canonicalValue("\n") == "")
  }

  @Test func valuesAlreadyCanonicalAreKept() {
    #expect(CanonicalHeaders.canonicalValue("\"a b c\"") == "\"a b c\"")
    #expect(CanonicalHeaders.canonicalValue("") == "")
    // Only ASCII whitespace folds, as in AWS's signer: a no-break space is part of the value.
    #expect(CanonicalHeaders.canonicalValue("a\u{A0}b") == "a\u{A0}b")
  }

  @Test func aMultiLineHeaderIsOneCanonicalLine() {
    let headers = CanonicalHeaders([
      (name: "Host", value: "example.amazonaws.com"), (name: "My-Header1", value: "value1\n  value2\n     value3"),
    ])
    #expect(
      String(decoding: headers.block, as: UTF8.self) == "host:example.amazonaws.com\nmy-header1:value1 value2 value3\n")
    #expect(headers.signedNamesText == "host;my-header1")
  }

  @Test func namesCompareInAnyASCIICaseAndRepeatsJoinInTheOrderGiven() {
    let headers = CanonicalHeaders([
      (name: "X-B", value: "1"), (name: "x-a", value: " 2 "), (name: "USER-AGENT", value: "u"),
      (name: "x-b", value: "3"), (name: "X-a", value: "4"), (name: "Expect", value: "100-continue"),
    ])
    #expect(String(decoding: headers.block, as: UTF8.self) == "x-a:2,4\nx-b:1,3\n")
    #expect(headers.signedNamesText == "x-a;x-b")
    #expect(CanonicalHeaders.isUnsigned("X-Amzn-Trace-Id") && !CanonicalHeaders.isUnsigned("X-Amzn-Trace-I"))
  }
}
