import LambdaRuntime
import NIOHTTP1
import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Maps each request of the local server to its answer: the Runtime API plus the Invoke API.
struct LocalLambdaRoutes: Sendable {
  static let runtimePrefix = "/2018-06-01/runtime/"
  static let invokePrefix = "/2015-03-31/functions/"
  static let errorTypeHeader = "Lambda-Runtime-Function-Error-Type"

  let state: LocalLambdaState
  let configuration: LocalLambdaConfiguration
  let logTail: InvocationLogTail

  /// nil means "close the connection without answering" (the server is shutting down, or the connection's
  /// process has gone).
  func respond(to request: RecordedRequest, from origin: RequestOrigin) async -> LocalResponse? {
    await state.record(request)
    let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
    if request.method == "POST", path.hasPrefix(Self.invokePrefix), path.hasSuffix("/invocations") {
      return await invoke(request)
    }
    guard path.hasPrefix(Self.runtimePrefix) else {
      return .error(404, type: "ResourceNotFound", message: "No route for \(request.method) \(path).")
    }
    let parts = path.dropFirst(Self.runtimePrefix.count).split(separator: "/").map(String.init)
    switch (request.method, parts.count, parts.first, parts.last) {
    case ("GET", 2, "invocation", "next"):
      return await next(origin)
    case ("POST", 3, "invocation", "response"):
      return await response(requestId: parts[1], request)
    case ("POST", 3, "invocation", "error"):
      return await functionError(requestId: parts[1], request)
    case ("POST", 2, "init", "error"):
      await state.failInitialisation(request)
      return .accepted
    default:
      return .error(404, type: "ResourceNotFound", message: "No route for \(request.method) \(path).")
    }
  }

  /// The upload that relays a streamed `POST .../invocation/{id}/response` as it arrives, when `head` starts one;
  /// nil for any other request.
  func beginStreamedResponse(_ head: HTTPRequestHead) async -> StreamedResponseUpload? {
    guard head.method == .POST,
      head.headers.first(name: "Lambda-Runtime-Function-Response-Mode")?.lowercased() == "streaming"
    else { return nil }
    let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
    guard path.hasPrefix(Self.runtimePrefix) else { return nil }
    let parts = path.dropFirst(Self.runtimePrefix.count).split(separator: "/").map(String.init)
    guard parts.count == 3, parts[0] == "invocation", parts[2] == "response" else { return nil }
    let contentType = head.headers.first(name: "Content-Type") ?? "application/octet-stream"
    return StreamedResponseUpload(
      head: head, requestId: parts[1], relay: await state.startStream(parts[1], contentType: contentType), state: state,
      limit: configuration.maxStreamedResponseBytes)
  }

  private func next(_ origin: RequestOrigin) async -> LocalResponse? {
    guard let invocation = await state.next(sandbox: origin.sandbox, connection: origin.connection) else { return nil }
    logTail.begin(invocation.requestId, sandbox: origin.sandbox)
    let deadline = WallClock.nowMilliseconds() + configuration.timeout.wholeMilliseconds()
    var headers = [
      ("Content-Type", "application/json"),
      ("Lambda-Runtime-Aws-Request-Id", invocation.requestId),
      ("Lambda-Runtime-Deadline-Ms", String(deadline)),
      ("Lambda-Runtime-Invoked-Function-Arn", configuration.functionArn),
      ("Lambda-Runtime-Trace-Id", invocation.traceId),
    ]
    if let value = invocation.clientContext { headers.append(("Lambda-Runtime-Client-Context", value)) }
    if let value = invocation.cognitoIdentity { headers.append(("Lambda-Runtime-Cognito-Identity", value)) }
    if let value = invocation.tenantId { headers.append(("Lambda-Runtime-Aws-Tenant-Id", value)) }
    return LocalResponse(status: 200, headers: headers, body: invocation.event, delivered: invocation)
  }

  private func response(requestId: String, _ request: RecordedRequest) async -> LocalResponse {
    if request.body.count > configuration.maxResponseBytes {
      let message =
        "Response payload size (\(request.body.count) bytes) exceeded the maximum allowed payload size "
        + "(\(configuration.maxResponseBytes) bytes)."
      let report = ErrorReport(category: "Function", name: "ResponseSizeTooLarge", message: message)
      guard await state.finish(requestId, body: report.jsonBody, errorType: report.errorType) else {
        return unknownRequest(requestId)
      }
      return .error(413, type: "RequestEntityTooLarge", message: message)
    }
    guard await state.finish(requestId, body: request.body, errorType: nil) else { return unknownRequest(requestId) }
    return .accepted
  }

  private func functionError(requestId: String, _ request: RecordedRequest) async -> LocalResponse {
    let errorType = request.header(Self.errorTypeHeader) ?? "Function.Unknown"
    guard await state.finish(requestId, body: request.body, errorType: errorType) else {
      return unknownRequest(requestId)
    }
    return .accepted
  }

  private func invoke(_ request: RecordedRequest) async -> LocalResponse {
    guard request.body.count <= configuration.maxEventBytes else {
      return .error(
        413, type: "RequestEntityTooLarge",
        message:
          "Request payload size (\(request.body.count) bytes) exceeded the limit (\(configuration.maxEventBytes)).")
    }
    // As Lambda: a dry run only checks that the call may be made; an event is queued and answered 202 at once.
    let invocationType = request.header("X-Amz-Invocation-Type") ?? "RequestResponse"
    switch invocationType {
    case "RequestResponse", "Event": break
    case "DryRun": return LocalResponse(status: 204, headers: [("X-Amz-Executed-Version", "$LATEST")])
    case let other:
      return .error(
        400, type: "InvalidParameterValueException",
        message: "InvocationType must be RequestResponse, Event or DryRun, not '\(other)'.")
    }
    let clientContext = request.header("X-Amz-Client-Context").flatMap { Data(base64Encoded: $0) }
      .map { String(decoding: $0, as: UTF8.self) }
    // As on Lambda, the caller's X-Ray header (if any) becomes the invocation's.
    let invocation = QueuedInvocation(
      event: request.body, clientContext: clientContext, cognitoIdentity: nil,
      tenantId: request.header("X-Amz-Tenant-Id"), traceId: request.header("X-Amzn-Trace-Id"))
    if invocationType == "Event" {
      let state = state
      // Unstructured: the caller has its answer; the event runs (and its outcome is reported) on its own.
      Task {
        if case .streamed(let stream)? = try? await state.invoke(invocation) {
          for try await _ in stream {}
        }
      }
      return LocalResponse(status: 202, headers: [("X-Amz-Request-Id", invocation.requestId)])
    }
    do {
      switch try await state.invoke(invocation) {
      case .complete(let result):
        var response = LocalResponse(
          status: 200, headers: [("X-Amz-Request-Id", result.requestId), ("X-Amz-Executed-Version", "$LATEST")],
          body: result.body)
        if let errorType = result.errorType {
          response.headers += [("X-Amz-Function-Error", "Unhandled"), ("X-Amz-Function-Error-Type", errorType)]
        }
        if request.header("X-Amz-Log-Type") == "Tail" {
          response.headers.append(("X-Amz-Log-Result", await logTail.take(result.requestId)))
        }
        return response
      case .streamed(let stream):
        return LocalResponse(status: 200, stream: stream)
      }
    } catch {
      return .error(503, type: "ServiceUnavailable", message: "\(error)")
    }
  }

  private func unknownRequest(_ requestId: String) -> LocalResponse {
    .error(400, type: "InvalidRequestID", message: "No outstanding invocation has the id '\(requestId)'.")
  }
}
