import NIOCore
import NIOHTTP1
import Synchronization

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A streamed `POST .../response` on the Runtime API connection: chunked, each chunk written to the socket as it is
/// sent, and an error after the first byte in the trailers the request declared.
final class RuntimeAPIStream: ResponseStream {
  static let errorTypeTrailer = "Lambda-Runtime-Function-Error-Type"
  static let errorBodyTrailer = "Lambda-Runtime-Function-Error-Body"

  private struct State {
    /// The request head, until it leaves with the first chunk (or the end).
    var head: ByteBuffer?
    var isFinished = false
    /// The first failed write: the connection is broken, and the end reports it.
    var failure: RuntimeAPIError?
  }

  private let connection: RuntimeAPIConnection
  private let path: String
  private let state: Mutex<State>

  init(connection: RuntimeAPIConnection, path: String, contentType: String) {
    self.connection = connection
    self.path = path
    state = Mutex(State(head: connection.head(.POST, path, fields: Self.headers(contentType: contentType))))
  }

  /// The headers that make a response a streamed one, `contentType` aside.
  static func headers(contentType: String) -> [(String, String)] {
    [
      ("Content-Type", contentType),
      ("Lambda-Runtime-Function-Response-Mode", "streaming"),
      ("Transfer-Encoding", "chunked"),
      // Declared up front: HTTP/1.1 receivers may ignore trailers that were not announced.
      ("Trailer", "\(errorTypeTrailer), \(errorBodyTrailer)"),
    ]
  }

  /// The trailers carrying `report`: its type, and its JSON body in base64 (a header value cannot hold JSON as is).
  static func trailers(for report: ErrorReport) -> [(String, String)] {
    [(errorTypeTrailer, report.errorType), (errorBodyTrailer, Data(report.jsonBody).base64EncodedString())]
  }

  /// Writes `chunk` (after the head, the first time) before it returns.
  func send(_ chunk: ByteBuffer, whenWritten: @escaping @Sendable (Result<Void, any Error>) -> Void) {
    whenWritten(chunk.withUnsafeReadableBytes { sendInPlace($0) })
  }

  var writesInPlace: Bool { true }

  /// Writes `bytes` as one chunk (after the head, the first time) before it returns; the lock keeps chunks whole and
  /// in order, and none after the end.
  func sendInPlace(_ bytes: UnsafeRawBufferPointer) -> Result<Void, any Error> {
    // An empty chunk would be the chunked body's terminator, ending the response early.
    guard !bytes.isEmpty else { return .success(()) }
    return state.withLock { state -> Result<Void, any Error> in
      if let failure = state.failure { return .failure(failure) }
      guard !state.isFinished else { return .failure(StreamingResponseError.closed) }
      do throws(RuntimeAPIError) {
        try RuntimeAPIRequestHead.withChunkSizeLine(bytes.count) { sizeLine throws(RuntimeAPIError) in
          try Self.lineEnd.withUnsafeReadableBytes { lineEnd throws(RuntimeAPIError) in
            guard let head = state.head else { return try connection.write([sizeLine, bytes, lineEnd]) }
            try head.withUnsafeReadableBytes { head throws(RuntimeAPIError) in
              try connection.write([head, sizeLine, bytes, lineEnd])
            }
          }
        }
        state.head = nil
        return .success(())
      } catch {
        state.failure = error
        return .failure(error)
      }
    }
  }

  /// Writes the last chunk and the trailers, then reads the Runtime API's answer; 5xx answers and broken
  /// connections are `RuntimeAPIError`s, which end the runtime as for a buffered response.
  func finish(error: ErrorReport?) -> EventLoopFuture<Int> {
    let written = state.withLock { state -> Result<Void, RuntimeAPIError> in
      if let failure = state.failure { return .failure(failure) }
      guard !state.isFinished else { return .failure(.connectionClosed) }
      state.isFinished = true
      var end = ByteBuffer()
      end.writeStaticString("0\r\n")
      RuntimeAPIRequestHead.writeFields(error.map(Self.trailers(for:)) ?? [], to: &end)
      end.writeStaticString("\r\n")
      do throws(RuntimeAPIError) {
        try self.connection.write((state.head.map { [$0] } ?? []) + [end])
        state.head = nil
        return .success(())
      } catch {
        return .failure(error)
      }
    }
    let (connection, path) = (connection, path)
    let answer = { @Sendable (response: RuntimeAPIResponse) throws -> Int in
      guard response.status < 500 else {
        throw RuntimeAPIError.unexpectedStatus(request: "POST " + path, status: response.status, body: response.text)
      }
      return response.status
    }
    // The loop ends the stream on the owner's thread: read the answer there and then, without a task.
    if connection.owner.inEventLoop {
      return connection.owner.makeCompletedFuture {
        try written.get()
        return try answer(connection.answerOnOwner())
      }
    }
    let promise = connection.owner.makePromise(of: Int.self)
    promise.completeWithTask {
      try written.get()
      return try await answer(connection.answer())
    }
    return promise.futureResult
  }

  private static let lineEnd = ByteBuffer(string: "\r\n")
}
