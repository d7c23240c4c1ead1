import NIOCore

/// The calls a runtime makes to Lambda's Runtime API. `SocketRuntimeAPI` makes them over HTTP; tests drive the loop
/// in-process with a scripted implementation.
protocol RuntimeAPI: Sendable {
  /// A streamed response in progress.
  associatedtype Stream: ResponseStream

  /// The event loop of the client's I/O, which also runs the runtime's timers.
  var eventLoop: any EventLoop { get }

  /// Waits (without timeout) for the next event.
  func next() async throws -> Invocation

  /// Posts a handler's whole response; returns the status (202, or 4xx when Lambda rejected it).
  func postResponse(requestId: String, body: [UInt8]) async throws -> Int

  /// Opens a streamed response (`Lambda-Runtime-Function-Response-Mode: streaming`) with `contentType`; the head is
  /// queued at once and the body follows as it is sent.
  func startStreamingResponse(requestId: String, contentType: String) -> Stream

  /// Posts an invocation error; returns the status.
  func postError(requestId: String, report: ErrorReport) async throws -> Int

  /// Posts an initialisation error; returns the status.
  func postInitError(report: ErrorReport) async throws -> Int

  /// Posts an invocation error over a connection of its own on `eventLoop`: for a timeout while the handler holds
  /// the thread of the client's connection.
  func postErrorOnNewConnection(requestId: String, report: ErrorReport, eventLoop: any EventLoop) async throws -> Int

  /// Ends the connection, so that a `next()` still waiting fails at once: at shutdown, once the loop is done with it.
  func stop()
}

extension RuntimeAPI {
  /// A client without connections of its own to open posts on its one channel.
  func postErrorOnNewConnection(requestId: String, report: ErrorReport, eventLoop: any EventLoop) async throws -> Int {
    try await postError(requestId: requestId, report: report)
  }

  /// A client with nothing that blocks a thread has nothing to wake.
  func stop() {}
}
