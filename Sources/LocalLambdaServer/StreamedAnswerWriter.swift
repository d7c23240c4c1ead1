import NIOCore
import NIOHTTP1

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Writes a function's streamed response to the client that invoked it: chunked, each chunk as it arrives (so
/// `curl -N` shows it live), a function URL prelude turned into the HTTP status, headers and cookies, and a failure
/// after the start in the trailers `Lambda-Runtime-Function-Error-Type` and `Lambda-Runtime-Function-Error-Body`.
struct StreamedAnswerWriter {
  let stream: LocalResponseStream
  let keepAlive: Bool
  let outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>

  func write() async throws {
    do {
      try await relay()
    } catch {
      // The client has gone: the function's further chunks have nowhere to go.
      stream.cancel()
      throw error
    }
  }

  private func relay() async throws {
    var chunks = stream.makeAsyncIterator()
    var head = HTTPResponseHead(version: .http1_1, status: .ok)
    var pending: [UInt8] = []
    var failure: LocalStreamError?
    if stream.contentType == FunctionURLResponse.contentType {
      // The prelude comes first; nothing can be sent before it is whole.
      do {
        while FunctionURLResponse.preludeEnd(in: pending) == nil, let chunk = try await chunks.next() {
          pending += chunk
        }
      } catch {
        failure = error
      }
      guard let response = FunctionURLResponse(streamedBody: pending) else {
        stream.cancel()
        try await writeBadPrelude(failure)
        return
      }
      head.status = HTTPResponseStatus(statusCode: response.statusCode)
      for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
        head.headers.add(name: name, value: value)
      }
      for cookie in response.cookies { head.headers.add(name: "Set-Cookie", value: cookie) }
      pending = response.body
    } else {
      head.headers.add(name: "Content-Type", value: stream.contentType)
    }
    head.headers.replaceOrAdd(name: "X-Amz-Request-Id", value: stream.requestId)
    head.headers.replaceOrAdd(name: "Transfer-Encoding", value: "chunked")
    head.headers.replaceOrAdd(
      name: "Trailer",
      value: "\(StreamedResponseUpload.errorTypeTrailer), \(StreamedResponseUpload.errorBodyTrailer)")
    head.headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
    try await outbound.write(.head(head))
    if !pending.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: pending)))) }
    while failure == nil {
      let chunk: [UInt8]?
      do {
        chunk = try await chunks.next()
      } catch {
        failure = error
        break
      }
      guard let chunk else { break }
      try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: chunk))))
    }
    try await outbound.write(.end(failure.map(Self.trailers(for:))))
  }

  static func trailers(for failure: LocalStreamError) -> HTTPHeaders {
    [
      StreamedResponseUpload.errorTypeTrailer: failure.errorType,
      StreamedResponseUpload.errorBodyTrailer: Data(failure.errorBody).base64EncodedString(),
    ]
  }

  /// A function URL response whose prelude never came whole: the function's mistake, as a 502 like Lambda's.
  private func writeBadPrelude(_ failure: LocalStreamError?) async throws {
    let response = LocalResponse.error(
      502, type: failure?.errorType ?? "Runtime.InvalidPrelude",
      message: failure?.description ?? "The streamed response did not start with a valid function URL prelude.")
    try await WholeResponse.write(
      status: 502, headers: response.headers, body: response.body, keepAlive: keepAlive, to: outbound)
  }
}
