import DynamoDB
import FuzzSupport
import LambdaEvents
import LambdaRuntime
import Logging

@testable import CarbonTrack

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The event through the registry `bootstrap` runs (router, API and action handlers, error reporting), on a
/// DynamoDB client that fails before sending anything.
///
/// Whatever the event, the function must answer: API events with an HTTP response whose 5xx, if any, came from
/// DynamoDB; actions with JSON or an error Lambda accepts.
enum HandlerRun {
  private static let client = UnreachableDynamoDB.client()
  private static let registries = ["required", "none"].map { mode in
    do {
      return try CarbonTrackFunction.makeRegistry(client: client, environment: ["AUTH_MODE": mode])
    } catch {
      fatalError("cannot build the registry: \(error)")
    }
  }

  static func check(_ event: [UInt8]) {
    let route = EventShape.of(event)?.handlerName
    for registry in registries {
      let record = RecordingLogHandler.Record()
      let context = LambdaContext(
        requestId: "fuzz-request", deadline: .now.advanced(by: .seconds(60)),
        logger: Logger(label: "fuzz") { _ in RecordingLogHandler(record: record) })
      let outcome = BlockingTask.run { () async -> Result<[UInt8], any Error> in
        do {
          return .success(try await registry.handle(event, handlerName: HandlerRegistry.routerName, context: context))
        } catch {
          return .failure(error)
        }
      }
      switch outcome {
      case .success(let output) where route == CarbonTrackFunction.HandlerName.api:
        checkAPIResponse(output, record)
      case .success(let output):
        FuzzCheck.require(JSONShape.parse(output) != nil, "the \(route ?? "nil") handler answered with non-JSON")
      case .failure(let error):
        checkReportedError(error, route: route)
      }
    }
  }

  private static func checkAPIResponse(_ output: [UInt8], _ record: RecordingLogHandler.Record) {
    guard let response = try? JSONDecoder().decode(APIGatewayResponse.self, from: Data(output)) else {
      FuzzCheck.require(false, "the API handler answered with something that is not a proxy response")
      return
    }
    FuzzCheck.require((200..<600).contains(response.statusCode), "HTTP status \(response.statusCode)")
    FuzzCheck.require(
      response.statusCode < 500 || record.contains(UnreachableDynamoDB.marker),
      "HTTP \(response.statusCode) without DynamoDB being involved: \(response.body)")
    FuzzCheck.require(
      response.body.isEmpty || JSONShape.parse(Array(response.body.utf8)) != nil, "the response body is not JSON")
  }

  /// What reaches `/runtime/invocation/{id}/error`: a `Function.<Name>` type and a JSON body, for a client error,
  /// an unrecognised event, or DynamoDB's (here: unreachable) failure.
  private static func checkReportedError(_ error: any Error, route: String?) {
    let report = ErrorReport(functionError: error)
    FuzzCheck.require(isLambdaErrorType(report.errorType), "error type '\(report.errorType)'")
    FuzzCheck.require(JSONShape.parse(report.jsonBody) != nil, "the error report is not JSON")
    switch error {
    case let error as CarbonTrackError:
      FuzzCheck.require(error.statusCode < 500, "\(route ?? "nil") handler failed with \(error.statusCode): \(error)")
    case is InvalidEventError:
      FuzzCheck.require(route == nil, "a routed event was reported as unrecognised")
    default:
      FuzzCheck.require("\(error)".contains(UnreachableDynamoDB.marker), "unexpected error \(error)")
    }
  }

  /// `(Runtime|Function)\.[A-Z][a-zA-Z]+`, as the Runtime API requires.
  private static func isLambdaErrorType(_ type: String) -> Bool {
    let parts = type.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0] == "Function" || parts[0] == "Runtime" else { return false }
    let name = parts[1].utf8
    guard name.count >= 2, let first = name.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else {
      return false
    }
    return name.allSatisfy {
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
    }
  }
}
