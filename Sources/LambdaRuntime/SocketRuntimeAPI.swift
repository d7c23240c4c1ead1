import NIOCore
import NIOHTTP1

/// The Lambda Runtime API over one keep-alive HTTP/1.1 connection on a blocking socket, without read timeouts,
/// with buffered and streamed responses and the caller's `User-Agent`.
///
/// Each call blocks its thread, the connection's `eventLoop`, until the answer is in: the runtime loop runs there
/// and has nothing else to do meanwhile, and the handler's own connections on that loop are idle between
/// invocations. `stop()` wakes a `/next` that is waiting, so a shutdown can use the loop.
struct SocketRuntimeAPI: RuntimeAPI {
  static let basePath = "/2018-06-01/runtime"
  static let errorTypeHeader = "Lambda-Runtime-Function-Error-Type"

  private let connection: RuntimeAPIConnection
  /// The `/next` request never changes.
  private let nextRequest: ByteBuffer

  /// Connects to `address` (`host:port`, as in `AWS_LAMBDA_RUNTIME_API`); answers are read on `eventLoop`'s thread.
  init(address: String?, eventLoop: any EventLoop, userAgent: String) throws(RuntimeAPIError) {
    connection = try RuntimeAPIConnection(address: address, owner: eventLoop, userAgent: userAgent)
    nextRequest = connection.head(.GET, Self.nextPath, fields: [])
  }

  private static let nextPath = basePath + "/invocation/next"

  var eventLoop: any EventLoop { connection.owner }

  /// Waits (without timeout) for the next event.
  func next() async throws -> Invocation {
    let response = try await connection.exchange(head: nextRequest)
    guard response.status == 200 else {
      throw RuntimeAPIError.unexpectedStatus(
        request: "GET " + Self.nextPath, status: response.status, body: response.text)
    }
    return try Invocation(headers: response.headers, body: response.body)
  }

  /// Posts a handler's response; returns the status (202, or 4xx when Lambda rejected it).
  func postResponse(requestId: String, body: [UInt8]) async throws -> Int {
    try await post(Self.invocationPath(requestId, "response"), body: body, errorType: nil)
  }

  /// Opens a streamed response; its head leaves with the first chunk.
  func startStreamingResponse(requestId: String, contentType: String) -> RuntimeAPIStream {
    RuntimeAPIStream(
      connection: connection, path: Self.invocationPath(requestId, "response"), contentType: contentType)
  }

  /// Posts an invocation error; returns the status.
  func postError(requestId: String, report: ErrorReport) async throws -> Int {
    try await post(Self.invocationPath(requestId, "error"), body: report.jsonBody, errorType: report.errorType)
  }

  /// Posts an initialisation error; returns the status.
  func postInitError(report: ErrorReport) async throws -> Int {
    try await post(Self.basePath + "/init/error", body: report.jsonBody, errorType: report.errorType)
  }

  /// The report's answer is read on `eventLoop`'s thread, the one that is free while the handler holds this one.
  func postErrorOnNewConnection(requestId: String, report: ErrorReport, eventLoop: any EventLoop) async throws -> Int {
    let other = try SocketRuntimeAPI(address: connection.address, eventLoop: eventLoop, userAgent: connection.userAgent)
    let outcome: Result<Int, any Error>
    do {
      outcome = .success(try await other.postError(requestId: requestId, report: report))
    } catch {
      outcome = .failure(error)
    }
    try? await eventLoop.submit { other.connection.closeOnOwner() }.get()
    return try outcome.get()
  }

  func stop() {
    connection.shutdown()
  }

  /// The path of one invocation's `response` or `error`; the request id is percent-encoded, since it comes from
  /// outside and must stay one path segment.
  private static func invocationPath(_ requestId: String, _ outcome: String) -> String {
    basePath + "/invocation/" + RuntimeAPIRequestHead.pathSegment(requestId) + "/" + outcome
  }

  /// 5xx answers mean the Runtime API is unwell: the process must exit rather than retry.
  private func post(_ path: String, body: [UInt8], errorType: String?) async throws -> Int {
    let fields = errorType.map { [(Self.errorTypeHeader, $0)] } ?? []
    let response = try await connection.exchange(.POST, path, fields: fields, body: body)
    if response.status >= 500 {
      throw RuntimeAPIError.unexpectedStatus(request: "POST " + path, status: response.status, body: response.text)
    }
    return response.status
  }
}
