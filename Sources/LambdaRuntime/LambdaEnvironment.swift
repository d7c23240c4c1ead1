import Logging
import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The function settings Lambda passes in the environment, and how they shape each invocation's context.
struct LambdaEnvironment: Sendable {
  var runtimeAPI: String?
  var functionName: String
  var functionVersion: String
  var memoryLimitMB: Int
  var logGroupName: String
  var logStreamName: String

  init(_ environment: [String: String]) {
    runtimeAPI = environment["AWS_LAMBDA_RUNTIME_API"]
    functionName = environment["AWS_LAMBDA_FUNCTION_NAME"] ?? ""
    functionVersion = environment["AWS_LAMBDA_FUNCTION_VERSION"] ?? "$LATEST"
    memoryLimitMB = environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"].flatMap { Int($0) } ?? 128
    logGroupName = environment["AWS_LAMBDA_LOG_GROUP_NAME"] ?? ""
    logStreamName = environment["AWS_LAMBDA_LOG_STREAM_NAME"] ?? ""
  }

  /// Builds the handler's context; undecodable client context or identity is logged and left nil.
  ///
  /// The deadline arrives as wall-clock milliseconds; it becomes an instant of the continuous clock, which a
  /// change of the wall clock cannot move.
  func context(for invocation: Invocation, isColdStart: Bool, logger base: Logger) -> LambdaContext {
    var logger = base
    logger[metadataKey: LambdaLogHandler.requestIdKey] = .string(invocation.requestId)
    if let traceId = invocation.traceId { logger[metadataKey: LambdaLogHandler.traceIdKey] = .string(traceId) }
    return LambdaContext(
      requestId: invocation.requestId,
      deadline: Self.instant(ofEpochMilliseconds: invocation.deadline),
      invokedFunctionArn: invocation.invokedFunctionArn,
      traceId: invocation.traceId,
      clientContext: Self.decode(LambdaClientContext.self, invocation.clientContext, "client context", logger),
      cognitoIdentity: Self.decode(LambdaCognitoIdentity.self, invocation.cognitoIdentity, "Cognito identity", logger),
      tenantId: invocation.tenantId,
      functionName: functionName,
      functionVersion: functionVersion,
      memoryLimitMB: memoryLimitMB,
      logGroupName: logGroupName,
      logStreamName: logStreamName,
      isColdStart: isColdStart,
      logger: logger
    )
  }

  /// The continuous-clock instant of a wall-clock deadline; one so far off that the difference overflows is as
  /// good as never (or long past).
  static func instant(ofEpochMilliseconds deadline: Int64) -> ContinuousClock.Instant {
    let (remaining, overflow) = deadline.subtractingReportingOverflow(WallClock.nowMilliseconds())
    let milliseconds = overflow ? (deadline < 0 ? Int64.min / 2 : Int64.max / 2) : remaining
    return .now.advanced(by: .milliseconds(milliseconds))
  }

  private static func decode<T: Decodable>(_ type: T.Type, _ json: String?, _ what: String, _ logger: Logger) -> T? {
    guard let json, !json.isEmpty else { return nil }
    do {
      return try JSONDecoder().decode(type, from: Data(json.utf8))
    } catch {
      logger.warning("Ignoring an undecodable \(what) header: \(error)")
      return nil
    }
  }
}
