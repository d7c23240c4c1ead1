import Foundation
import Logging
import SharedSupport
import Testing

@testable import LambdaRuntime

@Suite("LambdaLogHandler")
struct LambdaLogHandlerTests {
  private func event(_ message: String, _ level: Logger.Level = .info) -> LogEvent {
    LogEvent(
      level: level, message: "\(message)", metadata: nil, source: "test", file: #fileID, function: #function, line: 1)
  }

  @Test func jsonLinePromotesIdsAndKeepsMetadata() throws {
    let handler = LambdaLogHandler(label: "app", format: .json, level: .info)
    let metadata: Logger.Metadata = [
      "requestId": "r-1", "traceId": "Root=1-x", "table": "users", "level": "spoof",
      "nested": ["list": ["1", "two"]],
    ]
    let line = handler.jsonLine(event("saved \"x\"\nnext", .warning), metadata)
    #expect(line.last == UInt8(ascii: "\n"))
    #expect(line.dropLast().contains(UInt8(ascii: "\n")) == false)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    #expect(object["level"] as? String == "WARN")
    #expect(object["message"] as? String == "saved \"x\"\nnext")
    #expect(object["requestId"] as? String == "r-1")
    #expect(object["traceId"] as? String == "Root=1-x")
    #expect(object["table"] as? String == "users")
    #expect(object["logger"] as? String == "app")
    #expect((object["nested"] as? [String: Any])?["list"] as? [String] == ["1", "two"])
  }

  @Test func textLineIsTabSeparatedAndSingleLine() {
    let handler = LambdaLogHandler(label: "app", format: .text, level: .info)
    let line = String(decoding: handler.textLine(event("a\nb"), ["requestId": "r-2", "k": "v"]), as: UTF8.self)
    #expect(line.last == "\n")
    let fields = line.dropLast().split(separator: "\t").map(String.init)
    #expect(fields.count == 5)
    #expect(fields[1] == "r-2")
    #expect(fields[2] == "INFO")
    #expect(fields[3] == #"a\nb"#)
    #expect(fields[4] == "k=v")
  }

  @Test func environmentSelectsFormatAndLevel() {
    let handler = LambdaLogHandler(
      label: "x", environment: ["AWS_LAMBDA_LOG_FORMAT": "json", "AWS_LAMBDA_LOG_LEVEL": "warn"])
    #expect(handler.format == .json)
    #expect(handler.logLevel == .warning)
    let defaults = LambdaLogHandler(label: "x", environment: [:])
    #expect(defaults.format == .text)
    #expect(defaults.logLevel == .info)
    #expect(LogLevelSetting.level(from: "FATAL") == .critical)
    #expect(LogLevelSetting.level(from: "bogus") == nil)
  }

  @Test func timestampsAreRFC3339WithMilliseconds() {
    #expect(ISO8601Instant.text(millisecondsSinceEpoch: 1_700_000_000_007) == "2023-11-14T22:13:20.007Z")
  }
}
