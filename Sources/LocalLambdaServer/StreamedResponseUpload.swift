import LambdaRuntime
import NIOCore
import NIOHTTP1
import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A function's streamed `POST .../response` as it arrives: each chunk is relayed to the invocation's reader at
/// once, and the trailers at the end say whether it failed.
struct StreamedResponseUpload {
  static let errorTypeTrailer = "Lambda-Runtime-Function-Error-Type"
  static let errorBodyTrailer = "Lambda-Runtime-Function-Error-Body"

  let head: HTTPRequestHead
  let requestId: String
  /// nil when no invocation with this id awaits an answer: the body is read and dropped, then refused.
  let relay: ChunkRelay?
  let state: LocalLambdaState
  let limit: Int
  private var received = 0
  private var isCutOff = false
  /// The whole body, kept only when the server records requests.
  private var recordedBody: [UInt8]?

  init(head: HTTPRequestHead, requestId: String, relay: ChunkRelay?, state: LocalLambdaState, limit: Int) {
    self.head = head
    self.requestId = requestId
    self.relay = relay
    self.state = state
    self.limit = limit
    recordedBody = state.recordsRequests ? [] : nil
  }

  /// Relays one chunk; past the limit the stream is cut off and fails with `Function.ResponseSizeTooLarge`.
  mutating func receive(_ chunk: ByteBuffer) async {
    received += chunk.readableBytes
    recordedBody?.append(contentsOf: chunk.readableBytesView)
    guard let relay, !isCutOff else { return }
    guard received <= limit else {
      isCutOff = true
      let report = ErrorReport(
        category: "Function", name: "ResponseSizeTooLarge",
        message: "Response payload size exceeded the maximum allowed payload size (\(limit) bytes).")
      await state.endStream(requestId, errorType: report.errorType, errorBody: report.jsonBody)
      return
    }
    await relay.send(Array(chunk.readableBytesView))
  }

  /// The request is complete: ends the stream with what the trailers report, and answers the function.
  func end(trailers: HTTPHeaders?) async -> LocalResponse {
    await state.record(
      RecordedRequest(
        method: head.method.rawValue, path: head.uri,
        headers: head.headers.map { RecordedRequest.Header(name: $0.name, value: $0.value) }, body: recordedBody ?? [],
        trailers: (trailers ?? [:]).map { RecordedRequest.Header(name: $0.name, value: $0.value) }))
    guard relay != nil else {
      return .error(400, type: "InvalidRequestID", message: "No outstanding invocation has the id '\(requestId)'.")
    }
    if isCutOff {
      return .error(413, type: "RequestEntityTooLarge", message: "The streamed response exceeded \(limit) bytes.")
    }
    let errorType = trailers?.first(name: Self.errorTypeTrailer)
    let errorBody = trailers?.first(name: Self.errorBodyTrailer).flatMap { Data(base64Encoded: $0) }.map(Array.init)
    await state.endStream(requestId, errorType: errorType, errorBody: errorBody ?? errorType.map(Self.bodyless))
    return .accepted
  }

  /// The connection broke before the end. A process the server started is about to be reported gone (with the
  /// reason); a runtime started elsewhere fails the stream here.
  func interrupted(in origin: RequestOrigin) async {
    guard origin.sandbox == LocalLambdaState.externalSandbox else { return }
    let report = ErrorReport(
      category: "Runtime", name: "ExitError",
      message: "RequestId: \(requestId) Error: the runtime closed its connection in the middle of the response")
    await state.endStream(requestId, errorType: report.errorType, errorBody: report.jsonBody)
  }

  /// An error body for trailers that named a type but carried no readable body.
  private static func bodyless(_ errorType: String) -> [UInt8] {
    ErrorReport(category: "Function", name: "Unknown", message: "The function reported \(errorType) without a body.")
      .jsonBody
  }
}
