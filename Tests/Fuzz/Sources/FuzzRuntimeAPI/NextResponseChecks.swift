import FuzzSupport
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

@testable import LambdaRuntime
@testable import SharedSupport

/// What the runtime loop does with a `/next` answer before the handler runs: read the headers into an invocation,
/// build the handler's context (decoding the client context and Cognito identity JSON), publish the trace id, and
/// arm the deadline timer.
enum NextResponseChecks {
  private static let environment = LambdaEnvironment([
    "AWS_LAMBDA_FUNCTION_NAME": "fuzz", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
  ])
  private static let logger = Logger(label: "fuzz") { _ in SwiftLogNoOpLogHandler() }
  private static let timerLoop = MultiThreadedEventLoopGroup.singleton.next()

  static func check(_ message: FuzzMessage) {
    let headers = HTTPHeaders(message.headers.map { ($0.name, $0.value) })
    let invocation: Invocation
    do {
      invocation = try Invocation(headers: headers, body: message.body)
    } catch {
      FuzzCheck.require(!ErrorReport(functionError: error).errorMessage.isEmpty, "an empty error for \(headers)")
      return
    }
    FuzzCheck.require(!invocation.requestId.isEmpty, "an invocation without a request id")
    FuzzCheck.require(invocation.event == message.body, "the event is not the body")

    let context = environment.context(for: invocation, isColdStart: true, logger: logger)
    FuzzCheck.require(context.requestId == invocation.requestId, "the context lost the request id")
    // Where the difference fits in milliseconds, the context's deadline is the header's; beyond, it only saturates.
    let (untilDeadline, overflow) = invocation.deadline.subtractingReportingOverflow(WallClock.nowMilliseconds())
    let drift = context.remainingTime - .milliseconds(untilDeadline)
    FuzzCheck.require(
      overflow || (drift > .seconds(-1) && drift < .seconds(1)), "the context moved the deadline by \(drift)")
    FuzzCheck.require(context.tenantId == invocation.tenantId, "the context lost the tenant id")

    TraceEnvironment.set(invocation.traceId)
    checkDeadline(context.deadline)
  }

  /// The runner either reports a timeout at once (a deadline already past) or runs the handler.
  private static func checkDeadline(_ deadline: ContinuousClock.Instant) {
    let result = BlockingTask.run {
      await HandlerTimeout.run(deadline: deadline, timer: timerLoop) { [UInt8(ascii: "{"), UInt8(ascii: "}")] }
    }
    switch result {
    case .success(let output):
      FuzzCheck.require(output == Array("{}".utf8), "the handler's output changed")
    case .failure(let error):
      FuzzCheck.require(error is InvocationError, "the deadline runner failed with \(error)")
    }
  }
}
