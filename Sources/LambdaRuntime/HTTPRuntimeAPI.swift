import HTTPConnection
import NIOCore
import NIOHTTP1

/// The Lambda Runtime API over one keep-alive HTTP/1.1 connection, without read timeouts, with buffered and
/// streamed responses and the caller's `User-Agent`.
struct HTTPRuntimeAPI: RuntimeAPI {
  static let basePath = "/2018-06-01/runtime"
  static let errorTypeHeader = "Lambda-Runtime-Function-Error-Type"

  private let connection: HTTP1Connection
  private let hostHeader: String
  /// The caller's `User-Agent` (the function's, not the runtime's).
  private let userAgent: String
  /// Lambda's largest event is 6 MB; anything far beyond that is not a Runtime API answer.
  private static let maxResponseBytes = 64 << 20

  /// Connects to `address` (`host:port`, as in `AWS_LAMBDA_RUNTIME_API`); every request says `userAgent`.
  static func connect(address: String?, group: any EventLoopGroup, userAgent: String) async throws
    -> HTTPRuntimeAPI
  {
    guard let address, let origin = HTTP1Origin(url: "http://" + address), origin.authority == address,
      address.hasSuffix(":\(origin.port)")
    else { throw RuntimeAPIError.invalidAddress(address) }
    do {
      let connection = try await HTTP1Connection.connect(
        to: origin, on: group.next(), connectTimeout: .seconds(10), maxResponseBytes: maxResponseBytes)
      return HTTPRuntimeAPI(connection: connection, hostHeader: address, userAgent: userAgent)
    } catch HTTP1ConnectionError.connectFailed(_, let reason) {
      throw RuntimeAPIError.connectionFailed(address: address, reason: reason)
    }
  }

  var eventLoop: any EventLoop { connection.channel.eventLoop }

  /// Waits (without timeout) for the next event.
  func next() async throws -> Invocation {
    let path = Self.basePath + "/invocation/next"
    let response = try await send(.GET, path)
    guard response.status == 200 else {
      throw RuntimeAPIError.unexpectedStatus(request: "GET " + path, status: response.status, body: Self.text(response))
    }
    return try Invocation(headers: response.headers, body: response.body)
  }

  /// Posts a handler's response; returns the status (202, or 4xx when Lambda rejected it).
  func postResponse(requestId: String, body: [UInt8]) async throws -> Int {
    try await post(Self.basePath + "/invocation/\(requestId)/response", body: body, errorType: nil)
  }

  /// Opens a streamed response: a chunked POST whose head goes out at once, declaring the error trailers.
  func startStreamingResponse(requestId: String, contentType: String) -> RuntimeAPIStream {
    let path = Self.basePath + "/invocation/\(requestId)/response"
    var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
    head.headers.add(name: "Host", value: hostHeader)
    head.headers.add(name: "User-Agent", value: userAgent)
    for (name, value) in RuntimeAPIStream.headers(contentType: contentType) {
      head.headers.add(name: name, value: value)
    }
    return RuntimeAPIStream(request: connection.startStreaming(head: head), path: path, address: hostHeader)
  }

  /// Posts an invocation error; returns the status.
  func postError(requestId: String, report: ErrorReport) async throws -> Int {
    try await post(Self.basePath + "/invocation/\(requestId)/error", body: report.jsonBody, errorType: report.errorType)
  }

  /// Posts an initialisation error; returns the status.
  func postInitError(report: ErrorReport) async throws -> Int {
    try await post(Self.basePath + "/init/error", body: report.jsonBody, errorType: report.errorType)
  }

  func postErrorOnNewConnection(requestId: String, report: ErrorReport, eventLoop: any EventLoop) async throws -> Int {
    let other = try await Self.connect(address: hostHeader, group: eventLoop, userAgent: userAgent)
    defer { other.connection.close() }
    return try await other.postError(requestId: requestId, report: report)
  }

  func close() async {
    try? await connection.channel.close()
  }

  /// 5xx answers mean the Runtime API is unwell: the process must exit rather than retry.
  private func post(_ path: String, body: [UInt8], errorType: String?) async throws -> Int {
    var extra = HTTPHeaders()
    if let errorType { extra.add(name: Self.errorTypeHeader, value: errorType) }
    let response = try await send(.POST, path, headers: extra, body: body)
    if response.status >= 500 {
      throw RuntimeAPIError.unexpectedStatus(
        request: "POST " + path, status: response.status, body: Self.text(response))
    }
    return response.status
  }

  /// No timeout: `/next` waits as long as Lambda keeps the sandbox frozen.
  private func send(
    _ method: HTTPMethod,
    _ path: String,
    headers extra: HTTPHeaders = [:],
    body: [UInt8]? = nil
  ) async throws -> HTTP1Response {
    var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
    head.headers.add(name: "Host", value: hostHeader)
    head.headers.add(name: "User-Agent", value: userAgent)
    if let body {
      head.headers.add(name: "Content-Type", value: "application/json")
      head.headers.add(name: "Content-Length", value: String(body.count))
    }
    head.headers.add(contentsOf: extra)
    do {
      return try await connection.send(head: head, body: body ?? [], timeout: nil)
    } catch HTTP1ConnectionError.connectionClosed {
      throw RuntimeAPIError.connectionClosed
    } catch let error as HTTP1ConnectionError {
      throw RuntimeAPIError.connectionFailed(address: hostHeader, reason: error.description)
    }
  }

  private static func text(_ response: HTTP1Response) -> String {
    String(decoding: response.body, as: UTF8.self)
  }
}
