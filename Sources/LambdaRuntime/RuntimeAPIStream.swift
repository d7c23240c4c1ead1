import HTTPConnection
import NIOCore
import NIOHTTP1

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A streamed `POST .../response` on the Runtime API connection: chunked, each chunk sent as written, and an error
/// after the first byte in the trailers the request declared.
struct RuntimeAPIStream: ResponseStream {
  static let errorTypeTrailer = "Lambda-Runtime-Function-Error-Type"
  static let errorBodyTrailer = "Lambda-Runtime-Function-Error-Body"

  let request: HTTP1RequestStream
  let path: String
  let address: String

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
  static func trailers(for report: ErrorReport) -> HTTPHeaders {
    [errorTypeTrailer: report.errorType, errorBodyTrailer: Data(report.jsonBody).base64EncodedString()]
  }

  func send(_ chunk: ByteBuffer, whenWritten: @escaping @Sendable (Result<Void, any Error>) -> Void) {
    request.send(chunk, whenWritten: whenWritten)
  }

  /// Failures become `RuntimeAPIError`s, which end the runtime as for a buffered response.
  func finish(error: ErrorReport?) -> EventLoopFuture<Int> {
    let (path, address) = (path, address)
    return request.finish(trailers: error.map(Self.trailers(for:))).flatMapResult { response in
      guard response.status < 500 else {
        return .failure(
          RuntimeAPIError.unexpectedStatus(
            request: "POST " + path, status: response.status, body: String(decoding: response.body, as: UTF8.self)))
      }
      return .success(response.status)
    }.flatMapErrorThrowing { error in
      switch error {
      case let error as RuntimeAPIError: throw error
      case HTTP1ConnectionError.connectionClosed: throw RuntimeAPIError.connectionClosed
      default: throw RuntimeAPIError.connectionFailed(address: address, reason: "\(error)")
      }
    }
  }
}
