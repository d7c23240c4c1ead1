import LambdaRuntime

/// The local server's bookkeeping: queued events, waiting `/next` calls, outstanding invocations, recordings.
actor LocalLambdaState {
  private let configuration: LocalLambdaConfiguration
  private let recordsRequests: Bool
  private var queue: [QueuedInvocation] = []
  private var waiters: [CheckedContinuation<QueuedInvocation?, Never>] = []
  private var outstanding: [String: CheckedContinuation<LocalInvocationResult, any Error>] = [:]
  private var deliveredAt: [String: ContinuousClock.Instant] = [:]
  private var timers: [String: Task<Void, Never>] = [:]
  private var processStart: ContinuousClock.Instant?
  private var firstNextAt: ContinuousClock.Instant?
  private var reportedInit = false
  private var isShutDown = false
  private(set) var recorded: [RecordedRequest] = []
  private(set) var initError: RecordedRequest?

  init(configuration: LocalLambdaConfiguration, recordsRequests: Bool) {
    self.configuration = configuration
    self.recordsRequests = recordsRequests
  }

  func record(_ request: RecordedRequest) {
    if recordsRequests { recorded.append(request) }
  }

  func markProcessStart() {
    processStart = .now
    firstNextAt = nil
    reportedInit = false
    initError = nil
  }

  /// Queues an event and waits for the function's answer (or the timeout).
  func invoke(_ invocation: QueuedInvocation) async throws -> LocalInvocationResult {
    guard !isShutDown else { throw LocalLambdaServerError.shutDown }
    // The function process has failed its initialisation: every invoke fails the same way until a restart.
    if let initError {
      return LocalInvocationResult(
        requestId: invocation.requestId, body: initError.body, errorType: Self.errorType(of: initError), duration: .zero
      )
    }
    return try await withCheckedThrowingContinuation { continuation in
      outstanding[invocation.requestId] = continuation
      if waiters.isEmpty {
        queue.append(invocation)
      } else {
        markDelivered(invocation.requestId)
        waiters.removeFirst().resume(returning: invocation)
      }
    }
  }

  /// The next event for `/next`, waiting as long as it takes; nil once the server shuts down.
  func next() async -> QueuedInvocation? {
    if isShutDown { return nil }
    if processStart != nil, firstNextAt == nil { firstNextAt = .now }
    if !queue.isEmpty {
      let invocation = queue.removeFirst()
      markDelivered(invocation.requestId)
      return invocation
    }
    return await withCheckedContinuation { waiters.append($0) }
  }

  /// Puts back an event whose `/next` answer could not be written.
  func requeue(_ invocation: QueuedInvocation) {
    deliveredAt[invocation.requestId] = nil
    timers.removeValue(forKey: invocation.requestId)?.cancel()
    if outstanding[invocation.requestId] != nil { queue.insert(invocation, at: 0) }
  }

  /// Completes an invocation; false when the id is unknown (never issued, or already finished).
  @discardableResult
  func finish(_ requestId: String, body: [UInt8], errorType: String?) -> Bool {
    guard let continuation = outstanding.removeValue(forKey: requestId) else { return false }
    timers.removeValue(forKey: requestId)?.cancel()
    let duration = deliveredAt.removeValue(forKey: requestId).map { ContinuousClock.now - $0 } ?? .zero
    var initDuration: Duration?
    if !reportedInit, let processStart, let firstNext = firstNextAt {
      initDuration = firstNext - processStart
      reportedInit = true
    }
    configuration.onReport?(
      InvocationReport(
        requestId: requestId, duration: duration, memorySizeMB: configuration.memoryMB,
        initDuration: initDuration, errorType: errorType))
    continuation.resume(
      returning: LocalInvocationResult(requestId: requestId, body: body, errorType: errorType, duration: duration))
    return true
  }

  /// An init error fails every waiting invocation with it.
  func failInitialisation(_ request: RecordedRequest) {
    initError = request
    let errorType = Self.errorType(of: request)
    for requestId in Array(outstanding.keys) {
      finish(requestId, body: request.body, errorType: errorType)
    }
    queue.removeAll()
  }

  private static func errorType(of request: RecordedRequest) -> String {
    request.header("Lambda-Runtime-Function-Error-Type") ?? "Runtime.Unknown"
  }

  func shutDown() {
    isShutDown = true
    for waiter in waiters { waiter.resume(returning: nil) }
    waiters.removeAll()
    for (_, continuation) in outstanding { continuation.resume(throwing: LocalLambdaServerError.shutDown) }
    outstanding.removeAll()
    for (_, timer) in timers { timer.cancel() }
    timers.removeAll()
  }

  private func markDelivered(_ requestId: String) {
    deliveredAt[requestId] = .now
    let timeout = configuration.timeout
    // Unstructured: one timer per delivered event, cancelled when the answer arrives first.
    timers[requestId] = Task { [weak self] in
      try? await Task.sleep(for: timeout)
      guard !Task.isCancelled else { return }
      await self?.timeOut(requestId, after: timeout)
    }
  }

  private func timeOut(_ requestId: String, after timeout: Duration) {
    // A thousandth of the timeout, printed in milliseconds, reads as the timeout in seconds.
    let seconds = MillisecondsText.format(timeout / 1000)
    let report = ErrorReport(category: "Sandbox", name: "Timedout", message: "Task timed out after \(seconds) seconds")
    finish(requestId, body: report.jsonBody, errorType: report.errorType)
  }
}
