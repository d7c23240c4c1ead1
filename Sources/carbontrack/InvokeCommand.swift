import ArgumentParser
import CarbonTrack
import Foundation
import LambdaEvents
import LambdaRuntime

/// `carbontrack invoke <event.json>`: runs one event through the function's handlers in-process.
struct InvokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "invoke",
    abstract: "Run one event through the function in-process and print the response.",
    discussion: """
      Uses the same handler registry as bootstrap, configured from the environment
      (DYNAMODB_ENDPOINT, AWS_REGION, credentials, CARBONTRACK_TABLE_PREFIX, AUTH_MODE).
        carbontrack invoke events/self-test.json --pretty
        carbontrack invoke events/api-v2/get-user.json
      A handler error is printed as Lambda reports it ({"errorType","errorMessage"}) and exits with status 1.
      """
  )

  @Argument(help: "The event JSON file ('-' reads standard input).") var event: String
  @Option(help: "The handler to use (_HANDLER): router, api, action, selftest or echo.") var handler = "router"
  @Flag(help: "Print a readable summary: the self-test as a table, API responses with their status.") var pretty = false

  func run() async throws {
    let bytes: [UInt8]
    if event == "-" {
      bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
    } else {
      guard let data = FileManager.default.contents(atPath: event) else {
        throw ValidationError("Cannot read event file '\(event)'.")
      }
      bytes = Array(data)
    }
    let outcome: Result<[UInt8], any Error> = try await LocalFunction.with(
      environment: ProcessInfo.processInfo.environment
    ) { function in
      do {
        return .success(try await function.invoke(bytes, handler: handler))
      } catch {
        return .failure(error)
      }
    }
    switch outcome {
    case .success(let output):
      print(pretty ? PrettyOutput.render(output) : String(decoding: output, as: UTF8.self))
      if let result = try? JSONDecoder().decode(SelfTestResult.self, from: Data(output)), !result.passed {
        throw ExitCode(2)
      }
    case .failure(let error):
      // Named as the runtime names it for Lambda, so a local failure reads like the one Lambda would report.
      let body = ErrorReport(functionError: error).jsonBody
      print(pretty ? PrettyOutput.prettyJSON(Data(body)) : String(decoding: body, as: UTF8.self))
      throw ExitCode.failure
    }
  }
}

/// Human-readable forms of handler output.
enum PrettyOutput {
  static func render(_ output: [UInt8]) -> String {
    let data = Data(output)
    if let result = try? JSONDecoder().decode(SelfTestResult.self, from: data) {
      return SelfTestTable.render(result)
    }
    if let response = try? JSONDecoder().decode(APIGatewayResponse.self, from: data) {
      return "HTTP \(response.statusCode)\n" + prettyJSON(Data(response.body.utf8))
    }
    return prettyJSON(data)
  }

  static func prettyJSON(_ data: Data) -> String {
    guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
      let pretty = try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
    else { return String(decoding: data, as: UTF8.self) }
    return String(decoding: pretty, as: UTF8.self)
  }
}
