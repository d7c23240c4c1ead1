import Logging

/// Serves invocations one after another: `/next`, run the handler against its deadline, post the outcome.
struct RuntimeLoop: Sendable {
  /// The largest response body the Runtime API accepts (6 MiB).
  static let maxResponseBytes = 6 * 1024 * 1024

  let client: RuntimeAPIClient
  let registry: HandlerRegistry
  let environment: LambdaEnvironment
  let logger: Logger
  let activity: InvocationActivity
  /// Where handlers run: a thread other than the connection's, so the loop can report a timeout.
  let handlerExecutor: any TaskExecutor

  /// Returns only by throwing a `RuntimeAPIError` (or on cancellation); handler errors never end the loop.
  func run() async throws {
    var isColdStart = true
    while !Task.isCancelled {
      let invocation = try await client.next()
      activity.begin()
      defer { activity.end() }
      try await serve(invocation, isColdStart: isColdStart)
      isColdStart = false
    }
  }

  private func serve(_ invocation: Invocation, isColdStart: Bool) async throws {
    TraceEnvironment.set(invocation.traceId)
    let context = environment.context(for: invocation, isColdStart: isColdStart, logger: logger)
    let registry = registry
    let handlerName = environment.handlerName
    let event = invocation.event
    let result = await DeadlineRunner.run(
      deadline: invocation.deadline, timer: client.eventLoop, executor: handlerExecutor
    ) {
      try await registry.handle(event, handlerName: handlerName, context: context)
    }
    switch result {
    case .success(let body) where body.count > Self.maxResponseBytes:
      try await postError(InvocationError.responseTooLarge(bytes: body.count, limit: Self.maxResponseBytes), context)
    case .success(let body):
      let status = try await client.postResponse(requestId: invocation.requestId, body: body)
      if status != 202 { context.logger.error("The Runtime API rejected the response with HTTP \(status).") }
    case .failure(let error):
      try await postError(error, context)
    }
  }

  private func postError(_ error: any Error, _ context: LambdaContext) async throws {
    let report = ErrorReport(functionError: error)
    context.logger.error("Invocation failed with \(report.errorType): \(report.errorMessage)")
    let status = try await client.postError(requestId: context.requestId, report: report)
    if status != 202 { context.logger.error("The Runtime API rejected the error report with HTTP \(status).") }
  }
}
