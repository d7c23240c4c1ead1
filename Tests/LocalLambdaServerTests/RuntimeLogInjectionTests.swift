import Foundation
import LambdaRuntime
import LocalLambdaServer
import RuntimeTestSupport
import Testing

/// An event that carries a whole forged log line reaches the function's log (the test function fails with the
/// event's message, and the runtime logs that error), yet the log keeps one line per entry, under the real request
/// id, in both formats.
@Suite("Runtime: log injection", .timeLimit(.minutes(1)))
struct RuntimeLogInjectionTests {
  static let forgedAction = "ok\r\n2026-01-01T00:00:00.000Z\tother-id\tERROR\tforged\u{1B}[2K\u{85}"

  /// The event as JSON, with the message's control characters written as JSON escapes.
  static var event: [UInt8] {
    let escaped = #"ok\r\n2026-01-01T00:00:00.000Z\tother-id\tERROR\tforged\u001b[2K\u0085"#
    return Array(#"{"action":"fail","message":"\#(escaped)"}"#.utf8)
  }

  /// Runs the event through the test function and returns the request id and its stderr lines, split on LF bytes.
  private func logLines(format: String) async throws -> (requestId: String, lines: [[UInt8]]) {
    var outcome: (String, [[UInt8]])?
    try await withTestFunction(environment: ["AWS_LAMBDA_LOG_FORMAT": format]) { server, function in
      let result = try await server.invoke(Self.event)
      #expect(result.errorType == "Function.TestFailure")
      #expect(await eventually { function.stderr.contains("forged") })
      let bytes = Array(function.stderr.utf8)
      #expect(!bytes.contains(UInt8(ascii: "\r")), "a raw CR reached the log")
      #expect(!bytes.contains(0x1B), "a raw ESC reached the log")
      let rawNEL = bytes.indices.dropLast().contains { bytes[$0] == 0xC2 && bytes[$0 + 1] == 0x85 }
      #expect(!rawNEL, "a raw NEL (U+0085) reached the log")
      #expect(bytes.last == UInt8(ascii: "\n"))
      outcome = (result.requestId, bytes.split(separator: UInt8(ascii: "\n")).map(Array.init))
    }
    return try #require(outcome)
  }

  @Test func aForgedLineStaysInsideTheRealTextLine() async throws {
    let (requestId, lines) = try await logLines(format: "Text")
    #expect(!lines.contains { $0.starts(with: Array("2026-01-01T00:00:00.000Z".utf8)) }, "a forged line began")
    let mentions = lines.filter { String(decoding: $0, as: UTF8.self).contains("forged") }
    #expect(mentions.count == 1)
    let line = try #require(mentions.first)
    let fields = String(decoding: line, as: UTF8.self).split(separator: "\t").map(String.init)
    #expect(fields.count == 4)
    #expect(fields[1] == requestId)
    #expect(fields[2] == "ERROR")
    #expect(fields[3].contains(#"ok\r\n2026-01-01T00:00:00.000Z\tother-id\tERROR\tforged\u001b[2K\u0085"#))
  }

  @Test func aForgedLineStaysInsideTheRealJSONObject() async throws {
    let (requestId, lines) = try await logLines(format: "JSON")
    let objects = try lines.map { line in
      try #require(
        try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
        "not a JSON object: \(String(decoding: line, as: UTF8.self))")
    }
    let mentions = objects.filter { ($0["message"] as? String)?.contains("forged") == true }
    #expect(mentions.count == 1)
    let object = try #require(mentions.first)
    #expect(object["requestId"] as? String == requestId)
    #expect(object["level"] as? String == "ERROR")
    #expect((object["message"] as? String)?.contains(Self.forgedAction) == true)
  }
}
