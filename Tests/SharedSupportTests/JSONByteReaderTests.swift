import SharedSupport
import Testing

@Suite("JSONByteReader: strict RFC 8259, token by token")
struct JSONByteReaderTests {
  /// Runs `body` on a reader over `json`; nil when the reader gave up.
  private func reading<Value>(
    _ json: String, _ body: (inout JSONByteReader) throws(JSONByteReader.GiveUp) -> Value
  ) -> Value? {
    Array(json.utf8).withUnsafeBufferPointer { buffer in
      var reader = JSONByteReader(buffer)
      guard let value = try? body(&reader), reader.isAtEnd() else { return nil }
      return value
    }
  }

  @Test func decodesEscapesAndSurrogatePairs() {
    let text = reading(#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00z""#) { reader throws(JSONByteReader.GiveUp) in
      try reader.string()
    }
    #expect(text == "a\"\\/\u{8}\u{C}\n\r\t\u{E9}\u{1F600}z")
  }

  @Test(arguments: [#""\ud800""#, #""\udc00""#, #""\x""#, "\"a\u{1}\"", #""abc"#])
  func givesUpOnStringsNoDecoderWouldRead(json: String) {
    #expect(reading(json) { reader throws(JSONByteReader.GiveUp) in try reader.string() } == nil)
  }

  @Test func readsObjectsAndArraysMemberByMember() {
    let members = reading(#" { "a" : [ 1 , "x" , null ] , "b" : { } , "c" : true } "#) {
      reader throws(JSONByteReader.GiveUp) in
      var names: [String] = []
      if try reader.openObject() {
        repeat {
          names.append(try reader.key())
          try reader.skipValue()
        } while try reader.nextMember()
      }
      return names
    }
    #expect(members == ["a", "b", "c"])
  }

  @Test(arguments: ["0", "-0", "12", "-1.5", "1e5", "1E+5", "2.5e-3", #"{"a":[{}]}"#, "[]", #""""#])
  func skipsEveryKindOfValue(json: String) {
    #expect(reading(json) { reader throws(JSONByteReader.GiveUp) in try reader.skipValue() } != nil)
  }

  @Test(arguments: ["01", "1.", ".5", "-", "1e", "+1", "[1,]", #"{"a":1,}"#, #"{"a"}"#, "nul", "[", "tru"])
  func givesUpOnWhatRFC8259DoesNotAllow(json: String) {
    #expect(reading(json) { reader throws(JSONByteReader.GiveUp) in try reader.skipValue() } == nil)
  }

  @Test func countsArePlainDigitsThatFit() {
    #expect(reading("0") { reader throws(JSONByteReader.GiveUp) in try reader.count() } == 0)
    #expect(reading("123") { reader throws(JSONByteReader.GiveUp) in try reader.count() } == 123)
    for json in ["01", "-1", "1.5", String(repeating: "9", count: 19)] {
      #expect(reading(json) { reader throws(JSONByteReader.GiveUp) in try reader.count() } == nil)
    }
  }
}
