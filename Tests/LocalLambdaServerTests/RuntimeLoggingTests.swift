import Foundation
import LambdaRuntime
import LocalLambdaServer
import RuntimeTestSupport
import Testing

@Suite("Runtime: log output", .timeLimit(.minutes(1)))
struct RuntimeLoggingTests {
  @Test func jsonFormatWritesOneObjectPerLineWithRequestAndTraceIds() async throws {
    let configuration = LocalLambdaConfiguration(port: 0, timeout: .milliseconds(40))
    let environment = ["AWS_LAMBDA_LOG_FORMAT": "JSON"]
    try await withTestFunction(configuration, environment: environment) { server, function in
      let failed = try await server.invoke(Array("{}".utf8))
      #expect(failed.errorType == "Function.Timeout" || failed.errorType == "Sandbox.Timedout")
      #expect(await eventually { function.stderr.contains(failed.requestId) })

      let objects = try function.stderrLines.map { line in
        try #require(
          try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
      }
      for object in objects {
        let timestamp = try #require(object["timestamp"] as? String)
        #expect(timestamp.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
        #expect(object["level"] is String)
        #expect(object["message"] is String)
      }
      #expect(
        objects.contains {
          ($0["message"] as? String)?.hasPrefix("Cold start") == true && $0["level"] as? String == "INFO"
        })
      let failure = try #require(objects.first { $0["requestId"] as? String == failed.requestId })
      #expect(failure["level"] as? String == "ERROR")
      #expect((failure["traceId"] as? String)?.hasPrefix("Root=1-") == true)
    }
  }

  @Test func logLevelFiltersAndTextFormatIsTabSeparated() async throws {
    let configuration = LocalLambdaConfiguration(port: 0, timeout: .milliseconds(40))
    let environment = ["AWS_LAMBDA_LOG_LEVEL": "ERROR"]
    try await withTestFunction(configuration, environment: environment) { server, function in
      let failed = try await server.invoke(Array("{}".utf8))
      #expect(await eventually { function.stderr.contains(failed.requestId) })
      let lines = function.stderrLines
      #expect(!lines.contains { $0.contains("Cold start") }, "INFO lines must be filtered out at ERROR")
      let line = try #require(lines.first { $0.contains(failed.requestId) })
      let fields = line.split(separator: "\t", maxSplits: 3).map(String.init)
      #expect(fields.count == 4)
      #expect(fields[1] == failed.requestId)
      #expect(fields[2] == "ERROR")
    }
  }
}
