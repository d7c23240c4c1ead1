import Foundation
import LambdaRuntime
import LocalLambdaServer
import NIOHTTP1
import RuntimeTestSupport
import Testing

/// Streamed responses from a real function process, on the wire of the Runtime API and relayed by the local server.
@Suite("Runtime: streamed responses through a real Runtime API", .timeLimit(.minutes(1)))
struct StreamingResponseTests {
  private let streaming = ["TEST_STREAMING": "1"]

  private func command(_ json: String) -> [UInt8] { Array(json.utf8) }

  /// The recorded streamed `POST .../response` of `requestId`.
  private func upload(_ server: LocalLambdaServer, _ requestId: String) async throws -> RecordedRequest {
    let path = "/\(requestId)/response"
    #expect(await eventually { await server.recordedRequests().contains { $0.path.hasSuffix(path) } })
    return try #require(await server.recordedRequests().first { $0.path.hasSuffix(path) })
  }

  @Test func eachChunkArrivesWhenItIsWrittenOnAChunkedStreamingRequest() async throws {
    try await withTestFunction(environment: streaming) { server, _ in
      let answer = try await server.invokeStreaming(
        command(#"{"action":"stream","chunks":["one ","two ","three"],"milliseconds":500}"#))
      guard case .streamed(let stream) = answer else {
        Issue.record("expected a stream, got \(answer)")
        return
      }
      var arrivals: [(String, ContinuousClock.Instant)] = []
      for try await chunk in stream { arrivals.append((String(decoding: chunk, as: UTF8.self), .now)) }
      #expect(arrivals.map(\.0).joined() == "one two three")
      let first = try #require(arrivals.first)
      let last = try #require(arrivals.last)
      // Written 1 s apart first to last; however late the first arrives, it is well before the last.
      #expect(last.1 - first.1 >= .milliseconds(500), "the first chunk came before the last was written")

      let request = try await upload(server, stream.requestId)
      #expect(request.header("Lambda-Runtime-Function-Response-Mode") == "streaming")
      #expect(request.header("Transfer-Encoding") == "chunked")
      #expect(request.header("Content-Length") == nil)
      #expect(request.header("Content-Type") == "application/octet-stream")
      let declared = try #require(request.header("Trailer")).split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      #expect(declared == ["Lambda-Runtime-Function-Error-Type", "Lambda-Runtime-Function-Error-Body"])
      #expect(request.trailers.isEmpty)
      #expect(request.bodyText == "one two three")
    }
  }

  @Test func anErrorAfterTheFirstByteIsInTheTrailersWithABase64JSONBody() async throws {
    try await withTestFunction(environment: streaming) { server, _ in
      let result = try await server.invoke(command(#"{"action":"stream","chunks":["partial"],"message":"broke"}"#))
      #expect(result.isStreamed)
      #expect(result.bodyText == "partial")
      #expect(result.errorType == "Function.TestFailure")

      let request = try await upload(server, result.requestId)
      #expect(request.trailer("Lambda-Runtime-Function-Error-Type") == "Function.TestFailure")
      let encoded = try #require(request.trailer("Lambda-Runtime-Function-Error-Body"))
      let json = try #require(Data(base64Encoded: encoded))
      let body = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
      #expect(body["errorType"] as? String == "Function.TestFailure")
      #expect(body["errorMessage"] as? String == "broke")
      #expect(result.streamError?.errorBody == Array(json))
    }
  }

  @Test func anErrorBeforeTheFirstByteIsAnOrdinaryInvocationError() async throws {
    try await withTestFunction(environment: streaming) { server, _ in
      let result = try await server.invoke(command(#"{"action":"stream","message":"nothing sent"}"#))
      #expect(!result.isStreamed)
      #expect(result.errorType == "Function.TestFailure")
      let requests = await server.recordedRequests()
      #expect(requests.lines.contains(RuntimePath.error(result.requestId)))
      #expect(!requests.lines.contains(RuntimePath.response(result.requestId)))
    }
  }

  @Test func aTimeoutMidStreamEndsItWithATimeoutTrailer() async throws {
    let configuration = LocalLambdaConfiguration(port: 0, timeout: .seconds(1))
    try await withTestFunction(configuration, environment: streaming) { server, function in
      let result = try await server.invoke(command(#"{"action":"stream","chunks":["begun"],"sleepAfter":5000}"#))
      #expect(result.bodyText == "begun")
      #expect(result.errorType == "Function.Timeout" || result.errorType == "Sandbox.Timedout")
      let request = try await upload(server, result.requestId)
      #expect(request.trailer("Lambda-Runtime-Function-Error-Type") == "Function.Timeout")
      // The cancelled handler stopped, so the process serves on.
      #expect(function.process.isRunning)
    }
  }

  @Test func aStreamPastTwentyMebibytesIsCutWithAClearError() async throws {
    // 40 MiB through a debug build on a busy machine can take seconds.
    let configuration = LocalLambdaConfiguration(port: 0, timeout: .seconds(60))
    try await withTestFunction(configuration, environment: streaming) { server, _ in
      let limit = 20 * 1024 * 1024
      let result = try await server.invoke(
        command(#"{"action":"streamBytes","bytes":\#(limit + 1),"chunkBytes":1048576}"#))
      #expect(result.errorType == "Function.ResponseSizeTooLarge")
      #expect(result.body.count == limit)
      let message = try #require(
        (try JSONSerialization.jsonObject(with: Data(result.streamError?.errorBody ?? [])) as? [String: Any])?[
          "errorMessage"] as? String)
      #expect(message.contains("\(limit) bytes"), "\(message)")
      // Exactly at the limit is fine, and the runtime serves on.
      let atLimit = try await server.invoke(command(#"{"action":"streamBytes","bytes":\#(limit)}"#))
      #expect(atLimit.isSuccess)
      #expect(atLimit.body.count == limit)
    }
  }

  @Test func theInvokeAPIRelaysChunksLiveAndAFunctionURLPreludeAsTheHTTPAnswer() async throws {
    try await withTestFunction(environment: streaming) { server, _ in
      let path = "/2015-03-31/functions/function/invocations"
      let url = try await RawHTTPClient.post(
        port: server.port, path: path,
        body: command(
          #"{"action":"stream","statusCode":201,"headers":{"content-type":"text/plain","x-one":"1"},"#
            + #""cookies":["a=1","b=2; Secure"],"chunks":["alpha\n","beta\n","gamma\n"],"milliseconds":500}"#))
      #expect(url.head.status.code == 201)
      #expect(url.head.headers.first(name: "Content-Type") == "text/plain")
      #expect(url.head.headers.first(name: "x-one") == "1")
      #expect(url.head.headers[canonicalForm: "Set-Cookie"].map(String.init) == ["a=1", "b=2; Secure"])
      #expect(url.head.headers.first(name: "Transfer-Encoding") == "chunked")
      #expect(url.bodyText == "alpha\nbeta\ngamma\n")
      let first = try #require(url.parts.first)
      let last = try #require(url.parts.last)
      // Written 1 s apart first to last; however late the first arrives, it is well before the last.
      #expect(last.at - first.at >= .milliseconds(500), "relayed as they arrived, not at the end")
      #expect(url.trailers?.first(name: "Lambda-Runtime-Function-Error-Type") == nil)

      let failed = try await RawHTTPClient.post(
        port: server.port, path: path, body: command(#"{"action":"stream","chunks":["so far"],"message":"oops"}"#))
      #expect(failed.head.status.code == 200)
      #expect(failed.bodyText == "so far")
      #expect(failed.trailers?.first(name: "Lambda-Runtime-Function-Error-Type") == "Function.TestFailure")
      let body = try #require(failed.trailers?.first(name: "Lambda-Runtime-Function-Error-Body"))
      #expect(String(decoding: Data(base64Encoded: body) ?? Data(), as: UTF8.self).contains("oops"))
    }
  }
}
