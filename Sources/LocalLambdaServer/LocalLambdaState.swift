import LambdaRuntime
import SharedSupport

/// The local server's bookkeeping: queued events, waiting `/next` calls, invocations in flight and the sandbox (the
/// function process) serving each, recordings.
///
/// Sandbox 0 stands for runtimes started elsewhere that poll the server's own port; every process the server starts
/// gets a sandbox of its own, with its own Runtime API port, so the server always knows which process an
/// invocation was handed to.
actor LocalLambdaState {
  static let externalSandbox = 0

  private struct Waiter {
    var connection: Int
    var sandbox: Int
    var continuation: CheckedContinuation<QueuedInvocation?, Never>
  }

  private struct InFlight {
    var sandbox: Int
    var deliveredAt: ContinuousClock.Instant
    var timer: Task<Void, Never>
    /// Set once the function has started a streamed response.
    var relay: ChunkRelay?
  }

  private struct Sandbox {
    var startedAt: ContinuousClock.Instant?
    var firstNextAt: ContinuousClock.Instant?
    var reportedInit = false
  }

  private let configuration: LocalLambdaConfiguration
  nonisolated let recordsRequests: Bool
  /// Ends the process of a sandbox one of whose invocations timed out, as Lambda discards such a sandbox.
  private let discardSandbox: @Sendable (Int) -> Void
  private var queue: [QueuedInvocation] = []
  private var waiters: [Waiter] = []
  /// Every invocation not answered yet, queued or in flight (a streamed one is answered when its stream starts).
  private var outstanding: [String: CheckedContinuation<LocalInvocationAnswer, any Error>] = [:]
  private var inFlight: [String: InFlight] = [:]
  /// Live sandboxes; one that has exited is gone, and a `/next` from it gets no event.
  private var sandboxes: [Int: Sandbox] = [externalSandbox: Sandbox()]
  private var openConnections: Set<Int> = []
  private var nextSandbox = externalSandbox + 1
  private var isShutDown = false
  private(set) var recorded: [RecordedRequest] = []
  private(set) var initError: RecordedRequest?

  init(
    configuration: LocalLambdaConfiguration, recordsRequests: Bool,
    discardSandbox: @escaping @Sendable (Int) -> Void
  ) {
    self.configuration = configuration
    self.recordsRequests = recordsRequests
    self.discardSandbox = discardSandbox
  }

  func record(_ request: RecordedRequest) {
    if recordsRequests { recorded.append(request) }
  }

  /// Notes that a runtime is being started elsewhere, so the first REPORT carries its init duration.
  func markProcessStart() {
    sandboxes[Self.externalSandbox] = Sandbox(startedAt: .now)
    initError = nil
  }

  /// A new sandbox for a process about to be started.
  func startSandbox() -> Int {
    let sandbox = nextSandbox
    nextSandbox += 1
    sandboxes[sandbox] = Sandbox(startedAt: .now)
    initError = nil
    return sandbox
  }

  func connectionOpened(_ connection: Int) {
    openConnections.insert(connection)
  }

  /// A `/next` still waiting on a closed connection must never be handed an event.
  func connectionClosed(_ connection: Int) {
    openConnections.remove(connection)
    if let index = waiters.firstIndex(where: { $0.connection == connection }) {
      waiters.remove(at: index).continuation.resume(returning: nil)
    }
  }

  /// Queues an event and waits for the function's answer (or the timeout, or its process's exit).
  func invoke(_ invocation: QueuedInvocation) async throws -> LocalInvocationAnswer {
    guard !isShutDown else { throw LocalLambdaServerError.shutDown }
    // The function process has failed its initialisation: every invoke fails the same way until a restart.
    if let initError {
      return .complete(
        LocalInvocationResult(
          requestId: invocation.requestId, body: initError.body, errorType: Self.errorType(of: initError),
          duration: .zero))
    }
    return try await withCheckedThrowingContinuation { continuation in
      outstanding[invocation.requestId] = continuation
      queue.append(invocation)
      dispatchQueued()
    }
  }

  /// The next event for a `/next` on `connection` from `sandbox`, waiting as long as it takes; nil once the server
  /// shuts down, the connection closes or the sandbox's process has exited.
  func next(sandbox: Int, connection: Int) async -> QueuedInvocation? {
    guard !isShutDown, openConnections.contains(connection), var record = sandboxes[sandbox] else { return nil }
    if record.startedAt != nil, record.firstNextAt == nil {
      record.firstNextAt = .now
      sandboxes[sandbox] = record
    }
    if !queue.isEmpty {
      let invocation = queue.removeFirst()
      deliver(invocation, to: sandbox)
      return invocation
    }
    return await withCheckedContinuation {
      waiters.append(Waiter(connection: connection, sandbox: sandbox, continuation: $0))
    }
  }

  /// Puts back an event whose `/next` answer could not be written.
  func requeue(_ invocation: QueuedInvocation) {
    inFlight.removeValue(forKey: invocation.requestId)?.timer.cancel()
    guard outstanding[invocation.requestId] != nil else { return }
    queue.insert(invocation, at: 0)
    dispatchQueued()
  }

  /// Completes an invocation with a whole answer; false when the id is unknown (never issued, or already
  /// answered).
  @discardableResult
  func finish(_ requestId: String, body: [UInt8], errorType: String?) -> Bool {
    guard let continuation = outstanding.removeValue(forKey: requestId) else { return false }
    let duration = endFlight(requestId, errorType: errorType)
    continuation.resume(
      returning: .complete(
        LocalInvocationResult(requestId: requestId, body: body, errorType: errorType, duration: duration)))
    return true
  }

  /// Answers an invocation with a stream the function is about to send; nil when the id is unknown.
  func startStream(_ requestId: String, contentType: String) -> ChunkRelay? {
    guard var flight = inFlight[requestId], flight.relay == nil,
      let continuation = outstanding.removeValue(forKey: requestId)
    else { return nil }
    let relay = ChunkRelay()
    flight.relay = relay
    inFlight[requestId] = flight
    continuation.resume(
      returning: .streamed(LocalResponseStream(requestId: requestId, contentType: contentType, relay: relay)))
    return relay
  }

  /// Ends a streamed response (`errorType` set when it failed); false when no such stream is open.
  @discardableResult
  func endStream(_ requestId: String, errorType: String?, errorBody: [UInt8]?) -> Bool {
    guard let relay = inFlight[requestId]?.relay else { return false }
    endFlight(requestId, errorType: errorType)
    relay.finish(ChunkRelay.Ending(errorType: errorType, errorBody: errorBody))
    return true
  }

  /// Ends an invocation the server gives up on (its process exited, or its time ran out), whether its answer was
  /// under way as a stream or not.
  private func fail(_ requestId: String, with report: ErrorReport) {
    if !finish(requestId, body: report.jsonBody, errorType: report.errorType) {
      endStream(requestId, errorType: report.errorType, errorBody: report.jsonBody)
    }
  }

  /// Forgets an invocation in flight and prints its REPORT; returns how long it ran.
  @discardableResult
  private func endFlight(_ requestId: String, errorType: String?) -> Duration {
    let flight = inFlight.removeValue(forKey: requestId)
    flight?.timer.cancel()
    let duration = flight.map { ContinuousClock.now - $0.deliveredAt } ?? .zero
    configuration.onReport?(
      InvocationReport(
        requestId: requestId, duration: duration, memorySizeMB: configuration.memoryMB,
        initDuration: flight.flatMap { takeInitDuration(of: $0.sandbox) }, errorType: errorType))
    return duration
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

  /// A sandbox's process has ended: what it was serving fails with `Runtime.ExitError` at once, as on Lambda, and
  /// its waiting `/next` calls are dropped, so no event goes to a process that is gone.
  func sandboxExited(_ sandbox: Int, exit: FunctionExit) {
    sandboxes[sandbox] = nil
    for (requestId, flight) in inFlight where flight.sandbox == sandbox {
      fail(
        requestId,
        with: ErrorReport(
          category: "Runtime", name: "ExitError",
          message: "RequestId: \(requestId) Error: Runtime exited with error: \(exit)"))
    }
    let stale = waiters.filter { $0.sandbox == sandbox }
    waiters.removeAll { $0.sandbox == sandbox }
    for waiter in stale { waiter.continuation.resume(returning: nil) }
  }

  func shutDown() {
    isShutDown = true
    for waiter in waiters { waiter.continuation.resume(returning: nil) }
    waiters.removeAll()
    for (_, continuation) in outstanding { continuation.resume(throwing: LocalLambdaServerError.shutDown) }
    outstanding.removeAll()
    let report = ErrorReport(category: "Runtime", name: "ShutDown", message: "\(LocalLambdaServerError.shutDown)")
    for (_, flight) in inFlight {
      flight.timer.cancel()
      flight.relay?.finish(ChunkRelay.Ending(errorType: report.errorType, errorBody: report.jsonBody))
    }
    inFlight.removeAll()
  }

  private static func errorType(of request: RecordedRequest) -> String {
    request.header("Lambda-Runtime-Function-Error-Type") ?? "Runtime.Unknown"
  }

  /// Hands queued events to waiting `/next` calls, oldest first.
  private func dispatchQueued() {
    while !queue.isEmpty, !waiters.isEmpty {
      let invocation = queue.removeFirst()
      let waiter = waiters.removeFirst()
      deliver(invocation, to: waiter.sandbox)
      waiter.continuation.resume(returning: invocation)
    }
  }

  /// The time from a sandbox's start to its first `/next`, once: on its first finished invocation.
  private func takeInitDuration(of sandbox: Int) -> Duration? {
    guard var record = sandboxes[sandbox], !record.reportedInit, let started = record.startedAt,
      let firstNext = record.firstNextAt
    else { return nil }
    record.reportedInit = true
    sandboxes[sandbox] = record
    return firstNext - started
  }

  private func deliver(_ invocation: QueuedInvocation, to sandbox: Int) {
    let requestId = invocation.requestId
    let timeout = configuration.timeout
    // Unstructured: one timer per delivered event, cancelled when the answer arrives first.
    let timer = Task { [weak self] in
      try? await Task.sleep(for: timeout)
      guard !Task.isCancelled else { return }
      await self?.timeOut(requestId, after: timeout)
    }
    inFlight[requestId] = InFlight(sandbox: sandbox, deliveredAt: .now, timer: timer)
  }

  private func timeOut(_ requestId: String, after timeout: Duration) {
    guard let flight = inFlight[requestId] else { return }
    // A thousandth of the timeout, printed in milliseconds, reads as the timeout in seconds.
    let seconds = (timeout / 1000).millisecondsText
    fail(
      requestId,
      with: ErrorReport(category: "Sandbox", name: "Timedout", message: "Task timed out after \(seconds) seconds"))
    if flight.sandbox != Self.externalSandbox { discardSandbox(flight.sandbox) }
  }
}
