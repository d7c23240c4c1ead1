import NIOCore
import NIOHTTP1
import NIOPosix

/// A client for the Lambda Runtime API over one keep-alive HTTP/1.1 connection, without read timeouts.
struct RuntimeAPIClient: Sendable {
  static let basePath = "/2018-06-01/runtime"
  static let errorTypeHeader = "Lambda-Runtime-Function-Error-Type"

  private let channel: any Channel
  private let hostHeader: String

  /// Connects to `address` (`host:port`, as in `AWS_LAMBDA_RUNTIME_API`).
  static func connect(address: String?, group: any EventLoopGroup) async throws -> RuntimeAPIClient {
    guard let address, let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
      colon != address.startIndex
    else { throw RuntimeAPIError.invalidAddress(address) }
    let host = String(address[..<colon])
    do {
      let channel = try await ClientBootstrap(group: group)
        .channelOption(.tcpOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHTTPClientHandlers()
            try channel.pipeline.syncOperations.addHandler(RuntimeAPIHandler())
          }
        }
        .connect(host: host, port: port).get()
      return RuntimeAPIClient(channel: channel, hostHeader: address)
    } catch {
      throw RuntimeAPIError.connectionFailed(address: address, reason: "\(error)")
    }
  }

  /// The event loop the connection lives on.
  var eventLoop: any EventLoop { channel.eventLoop }

  /// Waits (without timeout) for the next event.
  func next() async throws -> Invocation {
    let path = Self.basePath + "/invocation/next"
    let response = try await send(.GET, path)
    guard response.statusCode == 200 else {
      throw RuntimeAPIError.unexpectedStatus(
        request: "GET " + path, status: response.statusCode, body: response.bodyText)
    }
    let headers = response.head.headers
    guard let requestId = headers.first(name: "Lambda-Runtime-Aws-Request-Id"), !requestId.isEmpty else {
      throw RuntimeAPIError.missingHeader("Lambda-Runtime-Aws-Request-Id")
    }
    guard let deadline = headers.first(name: "Lambda-Runtime-Deadline-Ms").flatMap({ Int64($0) }) else {
      throw RuntimeAPIError.missingHeader("Lambda-Runtime-Deadline-Ms")
    }
    var body = response.body
    return Invocation(
      requestId: requestId,
      deadline: deadline,
      invokedFunctionArn: headers.first(name: "Lambda-Runtime-Invoked-Function-Arn") ?? "",
      traceId: headers.first(name: "Lambda-Runtime-Trace-Id"),
      clientContext: headers.first(name: "Lambda-Runtime-Client-Context"),
      cognitoIdentity: headers.first(name: "Lambda-Runtime-Cognito-Identity"),
      tenantId: headers.first(name: "Lambda-Runtime-Aws-Tenant-Id"),
      event: body.readBytes(length: body.readableBytes) ?? []
    )
  }

  /// Posts a handler's response; returns the status (202, or 4xx when Lambda rejected it).
  func postResponse(requestId: String, body: [UInt8]) async throws -> Int {
    try await post(Self.basePath + "/invocation/\(requestId)/response", body: body, errorType: nil)
  }

  /// Posts an invocation error; returns the status.
  func postError(requestId: String, report: ErrorReport) async throws -> Int {
    try await post(Self.basePath + "/invocation/\(requestId)/error", body: report.jsonBody, errorType: report.errorType)
  }

  /// Posts an initialisation error; returns the status.
  func postInitError(report: ErrorReport) async throws -> Int {
    try await post(Self.basePath + "/init/error", body: report.jsonBody, errorType: report.errorType)
  }

  /// Closes the connection.
  func close() async {
    try? await channel.close()
  }

  /// 5xx answers mean the Runtime API is unwell: the process must exit rather than retry.
  private func post(_ path: String, body: [UInt8], errorType: String?) async throws -> Int {
    var buffer = channel.allocator.buffer(capacity: body.count)
    buffer.writeBytes(body)
    var extra = HTTPHeaders()
    if let errorType { extra.add(name: Self.errorTypeHeader, value: errorType) }
    let response = try await send(.POST, path, headers: extra, body: buffer)
    if response.statusCode >= 500 {
      throw RuntimeAPIError.unexpectedStatus(
        request: "POST " + path, status: response.statusCode, body: response.bodyText)
    }
    return response.statusCode
  }

  private func send(
    _ method: HTTPMethod,
    _ path: String,
    headers extra: HTTPHeaders = [:],
    body: ByteBuffer? = nil
  ) async throws -> RuntimeAPIResponse {
    var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
    head.headers.add(name: "Host", value: hostHeader)
    head.headers.add(name: "User-Agent", value: "carbontrack-swift-runtime/1.0")
    if let body {
      head.headers.add(name: "Content-Type", value: "application/json")
      head.headers.add(name: "Content-Length", value: String(body.readableBytes))
    }
    head.headers.add(contentsOf: extra)
    let promise = channel.eventLoop.makePromise(of: RuntimeAPIResponse.self)
    // A write that fails before reaching the handler (channel already closed) must still end the wait.
    let written = channel.eventLoop.makePromise(of: Void.self)
    written.futureResult.whenFailure { _ in promise.fail(RuntimeAPIError.connectionClosed) }
    channel.writeAndFlush(RuntimeAPIExchange(head: head, body: body, response: promise), promise: written)
    return try await promise.futureResult.get()
  }
}
