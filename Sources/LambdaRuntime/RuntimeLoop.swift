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
  /// Where handlers run: a thread other than the connection's, so the loop can report a timeout.
  let handlerExecutor: any TaskExecutor
  /// Time kept back before the deadline to report a timeout.
  let safetyMargin: Duration
  /// How long a timed-out handler may take to stop before the loop ends with `LambdaRuntimeError.handlerDidNotStop`.
  let timeoutGrace: Duration
  /// Streamed chunks' buffers, reused from one invocation to the next.
  let chunkBuffers = ChunkBufferPool()

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
    switch handler {
    case .buffered(let body):
      let event = invocation.event
      let result = await HandlerTimeout.run(
        deadline: context.deadline, safetyMargin: safetyMargin, timer: api.eventLoop, executor: handlerExecutor,
        completion: completion
      ) {
        try await body(event, context)
      }
      switch result {
      case .success(let body):
        try await postBuffered(body, context)
      case .failure(let error):
        try await postError(error, context)
        if case InvocationError.timeout = error { try await awaitAbandonedHandler(completion, context) }
      }
    case .streaming(let body):
      try await serveStreaming(invocation, context, completion, body)
    }
  }

  private func serveStreaming(
    _ invocation: Invocation, _ context: LambdaContext, _ completion: HandlerCompletion,
    _ body: @escaping @Sendable ([UInt8], LambdaResponseWriter, LambdaContext) async throws -> Void
  ) async throws {
    let (api, event, requestId) = (api, invocation.event, invocation.requestId)
    let writer = LambdaResponseWriter(buffers: chunkBuffers) {
      api.startStreamingResponse(requestId: requestId, contentType: $0)
    }
    let result = await HandlerTimeout.run(
      deadline: context.deadline, safetyMargin: safetyMargin, timer: api.eventLoop, executor: handlerExecutor,
      completion: completion
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
      if case .failure(let error) = result { try await postError(error, context) }
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
    guard await !completion.waitUntilFinished(atMost: timeoutGrace, timer: api.eventLoop) else { return }
    throw LambdaRuntimeError.handlerDidNotStop(requestId: context.requestId, grace: timeoutGrace)
  }
}
