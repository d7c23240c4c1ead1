import Logging

/// Serves invocations one after another: `/next`, run the handler against its deadline, post the outcome.
struct RuntimeLoop<API: RuntimeAPI>: Sendable {
  /// The largest response body the Runtime API accepts (6 MiB).
  static var maxResponseBytes: Int { 6 * 1024 * 1024 }

  let api: API
  let handler: HandlerBody
  let environment: LambdaEnvironment
  let logger: Logger
  let activity: InvocationActivity
  /// Where handlers run: the loop's own thread, or another one when there is a single event loop.
  let handlerExecutor: any TaskExecutor
  /// Fires timeouts from a thread the handlers do not run on.
  let watchdog: DeadlineWatchdog
  /// Time kept back before the deadline to report a timeout.
  let safetyMargin: Duration
  /// How long a timed-out handler may take to stop before the loop ends with `LambdaRuntimeError.handlerDidNotStop`.
  let timeoutGrace: Duration
  /// Ends the runtime from the watchdog's thread when a handler holding the loop's thread outlives the grace.
  let onStuck: @Sendable (LambdaRuntimeError) -> Void
  /// Streamed chunks' buffers, reused from one invocation to the next.
  let chunkBuffers = ChunkBufferPool()

  /// How long after a timeout the loop may take to run again before the watchdog reports it instead: a handler
  /// that never suspends holds the loop's thread, and Lambda's own deadline is only the safety margin away.
  static var stuckAfter: Duration { .milliseconds(10) }

  /// Returns only by throwing a `RuntimeAPIError` or `LambdaRuntimeError.handlerDidNotStop` (or on cancellation);
  /// handler errors never end the loop.
  func run() async throws {
    var isColdStart = true
    while !Task.isCancelled {
      let invocation = try await api.next()
      activity.begin()
      defer { activity.end() }
      try await serve(invocation, isColdStart: isColdStart)
      isColdStart = false
    }
  }

  private func serve(_ invocation: Invocation, isColdStart: Bool) async throws {
    TraceEnvironment.set(invocation.traceId)
    let context = environment.context(for: invocation, isColdStart: isColdStart, logger: logger)
    let completion = HandlerCompletion()
    let reporter = TimeoutReporter()
    switch handler {
    case .buffered(let body):
      let event = invocation.event
      let result = await HandlerTimeout.run(
        deadline: context.deadline, safetyMargin: safetyMargin, watchdog: watchdog, executor: handlerExecutor,
        completion: completion, onTimeout: reportIfStuck(context, completion, reporter, writer: nil)
      ) {
        try await body(event, context)
      }
      switch result {
      case .success(let body):
        try await postBuffered(body, context)
      case .failure(let error):
        try await postError(error, context, reporter)
        if case InvocationError.timeout = error { try await awaitAbandonedHandler(completion, context) }
      }
    case .streaming(let body):
      try await serveStreaming(invocation, context, completion, reporter, body)
    }
  }

  /// What the watchdog does after delivering a timeout: if the loop has not claimed the report `stuckAfter` later
  /// (its thread is held by the handler), post `Function.Timeout` over a new connection, and end the runtime when
  /// the handler is still running once the grace is over. A stream already under way is left to the loop: its
  /// error belongs in the trailers of the connection the loop owns.
  private func reportIfStuck(
    _ context: LambdaContext, _ completion: HandlerCompletion, _ reporter: TimeoutReporter,
    writer: LambdaResponseWriter?
  ) -> @Sendable (any Error) -> Void {
    let (api, watchdog, grace, onStuck) = (api, watchdog, timeoutGrace, onStuck)
    return { timeout in
      watchdog.eventLoop.scheduleTask(in: .nanoseconds(Self.stuckAfter.wholeNanoseconds)) {
        guard writer?.isStreaming != true, reporter.claim(.outOfBand) else { return }
        Task {
          let report = ErrorReport(functionError: timeout)
          context.logger.error(
            "Invocation failed with \(report.errorType) while its handler held the runtime's thread.")
          do {
            let status = try await api.postErrorOnNewConnection(
              requestId: context.requestId, report: report, eventLoop: watchdog.eventLoop)
            if status != 202 { context.logger.error("The Runtime API rejected the error report with HTTP \(status).") }
          } catch {
            context.logger.error("Could not report the timeout: \(error)")
          }
          reporter.markSent()
          if await !completion.waitUntilFinished(atMost: grace, timer: watchdog.eventLoop) {
            onStuck(.handlerDidNotStop(requestId: context.requestId, grace: grace))
          }
        }
      }
    }
  }

  private func serveStreaming(
    _ invocation: Invocation, _ context: LambdaContext, _ completion: HandlerCompletion,
    _ reporter: TimeoutReporter,
    _ body: @escaping @Sendable ([UInt8], LambdaResponseWriter, LambdaContext) async throws -> Void
  ) async throws {
    let (api, event, requestId) = (api, invocation.event, invocation.requestId)
    let writer = LambdaResponseWriter(buffers: chunkBuffers) {
      api.startStreamingResponse(requestId: requestId, contentType: $0)
    }
    let result = await HandlerTimeout.run(
      deadline: context.deadline, safetyMargin: safetyMargin, watchdog: watchdog, executor: handlerExecutor,
      completion: completion, onTimeout: reportIfStuck(context, completion, reporter, writer: writer)
    ) {
      try await body(event, writer, context)
      return []
    }
    switch writer.finish(after: result) {
    case .streamed(let answer, let report):
      if let report {
        context.logger.error(
          "Invocation failed with \(report.errorType) after \(writer.bytesWritten) streamed bytes: \(report.errorMessage)"
        )
      }
      let status = try await answer.get()
      if status != 202 { context.logger.error("The Runtime API rejected the streamed response with HTTP \(status).") }
    case .buffered(let body):
      try await postBuffered(body, context)
    case .nothingSent:
      if case .failure(let error) = result { try await postError(error, context, reporter) }
    }
    if case .failure(InvocationError.timeout) = result { try await awaitAbandonedHandler(completion, context) }
  }

  /// Posts a whole response, or `Function.ResponseSizeTooLarge` when it is over the Runtime API's limit.
  private func postBuffered(_ body: [UInt8], _ context: LambdaContext) async throws {
    guard body.count <= Self.maxResponseBytes else {
      return try await postError(
        InvocationError.responseTooLarge(bytes: body.count, limit: Self.maxResponseBytes), context)
    }
    let status = try await api.postResponse(requestId: context.requestId, body: body)
    if status != 202 { context.logger.error("The Runtime API rejected the response with HTTP \(status).") }
  }

  /// Posts `error` unless the watchdog already reported it out of band (then waits until that report was sent).
  private func postError(_ error: any Error, _ context: LambdaContext, _ reporter: TimeoutReporter) async throws {
    guard reporter.claim(.loop) else { return await reporter.waitUntilSent() }
    try await postError(error, context)
  }

  private func postError(_ error: any Error, _ context: LambdaContext) async throws {
    let report = ErrorReport(functionError: error)
    context.logger.error("Invocation failed with \(report.errorType): \(report.errorMessage)")
    let status = try await api.postError(requestId: context.requestId, report: report)
    if status != 202 { context.logger.error("The Runtime API rejected the error report with HTTP \(status).") }
  }

  /// Lambda resets a sandbox only on its own timeout, not after a reported `Function.Timeout`: a handler that
  /// ignores cancellation would run on into the next invocation, racing it for threads, memory and connections.
  /// Asking for the next event only once it has stopped, and ending the process when it does not stop within the
  /// grace period, gives every invocation a process with no stale work in it.
  private func awaitAbandonedHandler(_ completion: HandlerCompletion, _ context: LambdaContext) async throws {
    guard await !completion.waitUntilFinished(atMost: timeoutGrace, timer: watchdog.eventLoop) else { return }
    throw LambdaRuntimeError.handlerDidNotStop(requestId: context.requestId, grace: timeoutGrace)
  }
}
