import Foundation
import Logging
import Testing

@testable import LambdaRuntime

/// Text from an event, in a message or in metadata, can never add a log line, move a field, or hide as a control.
@Suite("LambdaLogHandler: log injection")
struct LogInjectionTests {
  /// A whole forged line, as an event would smuggle it in after the text it is expected to hold.
  static let forgedLine = "ok\r\n2026-01-01T00:00:00.000Z\tother-id\tERROR\tforged"

  /// Every C0 control, DEL, the C1 line break NEL and terminal CSI, the Unicode line and paragraph separators and
  /// a bidirectional override and isolate.
  static let everyControl =
    String(decoding: (0x00..<0x20).map { UInt8($0) } + [0x7F], as: UTF8.self)
    + "\u{80}\u{85}\u{9B}\u{9F}\u{2028}\u{2029}\u{202A}\u{202E}\u{2066}\u{2069}"

  private func event(_ message: String, _ metadata: Logger.Metadata? = nil) -> LogEvent {
    LogEvent(
      level: .info, message: "\(message)", metadata: metadata, source: "test", file: #fileID, function: #function,
      line: 1)
  }

  private let text = LambdaLogHandler(label: "app", format: .text, level: .info)
  private let json = LambdaLogHandler(label: "app", format: .json, level: .info)

  /// The line's only LF is its last byte, and it holds no other control byte than the TABs `tabs` expects.
  private func expectOneCleanLine(_ line: [UInt8], tabs: Int?, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(line.last == UInt8(ascii: "\n"), sourceLocation: sourceLocation)
    let body = line.dropLast()
    #expect(!body.contains(UInt8(ascii: "\n")), "a second line", sourceLocation: sourceLocation)
    #expect(!body.contains(UInt8(ascii: "\r")), "a raw CR", sourceLocation: sourceLocation)
    let controls = body.filter { ($0 < 0x20 && $0 != UInt8(ascii: "\t")) || $0 == 0x7F }
    #expect(controls.isEmpty, "raw control bytes \(controls)", sourceLocation: sourceLocation)
    if let tabs {
      #expect(body.count { $0 == UInt8(ascii: "\t") } == tabs, sourceLocation: sourceLocation)
    }
    let text = String(decoding: body, as: UTF8.self)
    for scalar in text.unicodeScalars {
      #expect(!(0x80...0x9F).contains(scalar.value), "raw C1 control", sourceLocation: sourceLocation)
      #expect(
        !(0x2028...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value),
        "raw line separator or bidirectional control", sourceLocation: sourceLocation)
    }
  }

  private func fields(_ line: [UInt8]) -> [String] {
    String(decoding: line.dropLast(), as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
      .map(String.init)
  }

  // MARK: Text format

  @Test func aForgedLineInATextMessageStaysInTheRealLine() {
    let line = text.textLine(event(Self.forgedLine), ["requestId": "real-id"])
    expectOneCleanLine(line, tabs: 3)
    let fields = fields(line)
    #expect(fields[1] == "real-id")
    #expect(fields[2] == "INFO")
    #expect(fields[3] == #"ok\r\n2026-01-01T00:00:00.000Z\tother-id\tERROR\tforged"#)
  }

  @Test func everyControlInATextMessageIsEscapedVisibly() {
    let line = text.textLine(event("<" + Self.everyControl + ">"), ["requestId": "r"])
    expectOneCleanLine(line, tabs: 3)
    let expected =
      #"<\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
      + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#
      + #"\u007f\u0080\u0085\u009b\u009f\u2028\u2029\u202a\u202e\u2066\u2069>"#
    #expect(fields(line)[3] == expected)
  }

  @Test func eachSingleControlByteKeepsTheTextLineWhole() {
    for byte in UInt8(0x00)...UInt8(0x7F) where byte < 0x20 || byte == 0x7F {
      let message = "a" + String(decoding: [byte], as: UTF8.self) + "z"
      let line = text.textLine(event(message), ["requestId": "r", "key": .string(message)])
      expectOneCleanLine(line, tabs: 4)
      #expect(fields(line)[1] == "r")
    }
  }

  @Test func textNextToTheEscapedRangesIsLeftAlone() {
    // Neighbours of every escaped range, and ordinary non-ASCII text that shares their lead bytes.
    let message = "~\u{A0}°é—“”€\u{2027}\u{202F}\u{2065}\u{206A}\u{1F600} a\\b \"q\""
    let line = text.textLine(event(message), ["requestId": "r"])
    #expect(fields(line)[3] == message)
  }

  @Test func plainMessagesAreWrittenByteForByte() {
    let line = text.textLine(event("Saved entry 42 for user u-1."), ["requestId": "r-9", "traceId": "Root=1-x"])
    #expect(Array(fields(line).dropFirst()) == ["r-9", "INFO", "Saved entry 42 for user u-1."])
  }

  @Test func controlsInTextMetadataKeysAndValuesAreEscapedAndQuoted() {
    let metadata: Logger.Metadata = [
      "requestId": "real-id",
      "user\r\nid": "a\r\nb",
      "esc": "\u{1B}[2K\u{1B}[1Gwiped",
      "tab": "x\ty",
    ]
    let line = text.textLine(event("m"), metadata)
    expectOneCleanLine(line, tabs: 4)
    let fields = fields(line)
    #expect(fields[1] == "real-id")
    #expect(fields[4] == #"esc="\u001b[2K\u001b[1Gwiped" tab="x\ty" "user\r\nid"="a\r\nb""#)
  }

  @Test func aTextMetadataValueCannotPassForAnotherPair() {
    let line = text.textLine(
      event("m"), ["requestId": "r", "note": "x requestId=other-id level=ERROR", "path": #"C:\a "b""#, "empty": ""])
    #expect(fields(line)[4] == #"empty="" note="x requestId=other-id level=ERROR" path="C:\\a \"b\"""#)
  }

  @Test func aTextMessageCannotPassForMetadata() {
    let bare = fields(text.textLine(event("done userId=admin"), ["requestId": "r"]))
    #expect(bare.count == 4)
    #expect(bare[3] == "done userId=admin")
    let withMetadata = fields(text.textLine(event("done userId=admin\tuserId=admin"), ["requestId": "r", "k": "v"]))
    #expect(withMetadata.count == 5)
    #expect(withMetadata[3] == #"done userId=admin\tuserId=admin"#)
    #expect(withMetadata[4] == "k=v")
  }

  @Test func aTextRequestIdCannotMoveTheFields() {
    let line = text.textLine(event("m"), ["requestId": "id\tERROR\r\n"])
    expectOneCleanLine(line, tabs: 3)
    #expect(Array(fields(line).dropFirst()) == [#"id\tERROR\r\n"#, "INFO", "m"])
    #expect(fields(text.textLine(event("m"), ["requestId": ""]))[1] == "-")
    #expect(fields(text.textLine(event("m"), [:]))[1] == "-")
  }

  // MARK: JSON format

  private func object(_ line: [UInt8]) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
  }

  @Test func aForgedLineInAJSONMessageStaysInTheRealObject() throws {
    let line = json.jsonLine(event(Self.forgedLine), ["requestId": "real-id"])
    expectOneCleanLine(line, tabs: 0)
    let object = try object(line)
    #expect(object["message"] as? String == Self.forgedLine)
    #expect(object["requestId"] as? String == "real-id")
  }

  @Test func everyControlInJSONMessagesKeysAndValuesIsEscapedAndDecodesBack() throws {
    let hostile = "<" + Self.everyControl + ">"
    let metadata: Logger.Metadata = [
      "requestId": .string("id" + hostile),
      "key" + hostile: .string(hostile),
      "list": [.string(hostile)],
      "map": ["inner" + hostile: .string(hostile)],
    ]
    let line = json.jsonLine(event(hostile), metadata)
    expectOneCleanLine(line, tabs: 0)
    let object = try object(line)
    #expect(object["message"] as? String == hostile)
    #expect(object["requestId"] as? String == "id" + hostile)
    #expect(object["key" + hostile] as? String == hostile)
    #expect(object["list"] as? [String] == [hostile])
    #expect((object["map"] as? [String: String])?["inner" + hostile] == hostile)
    let text = String(decoding: line, as: UTF8.self)
    #expect(text.contains(#""message":"<\u0000\u0001"#))
    #expect(text.contains(#"\u001f\u007f\u0080\u0085\u009b\u009f\u2028\u2029\u202a\u202e\u2066\u2069>""#))
  }

  @Test func jsonNeighboursOfTheEscapedRangesStayRaw() throws {
    let message = "\u{A0}°—“€\u{2027}\u{202F}\u{2065}\u{206A}\u{1F600}"
    let line = json.jsonLine(event(message), [:])
    #expect(String(decoding: line, as: UTF8.self).contains(#""message":"\#(message)""#))
  }
}
