import Foundation
import Logging
import NIOCore
import RuntimeTestSupport
import Testing

@testable import LambdaRuntime

/// Streamed responses in-process: what the loop sends to a scripted Runtime API, and the writer's rules.
@Suite("Streaming with a scripted Runtime API", .timeLimit(.minutes(1)))
struct StreamingWriterTests {
  private static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

  private func serve(
    _ client: ScriptedRuntimeClient, _ runtime: LambdaRuntime, posts count: Int
  ) async throws -> [ScriptedRuntimeClient.Post] {
    let termination = TerminationRequest()
    let session = RuntimeSession(
      api: client, setup: runtime.setup, environment: LambdaEnvironment([:]),
      initContext: LambdaInitContext(environment: [:], logger: Self.quiet, eventLoopGroup: client.eventLoop),
      configuration: runtime.configuration, handlerExecutor: globalConcurrentExecutor,
      loopExecutor: EventLoopExecutor(client.eventLoop), termination: termination, startedAt: .now)
    let running = Task { try await session.run() }
    #expect(await eventually { client.posts.count >= count })
    termination.request()
    try await running.value
    return client.posts
  }

  private func text(_ chunks: [[UInt8]]) -> [String] { chunks.map { String(decoding: $0, as: UTF8.self) } }

  @Test func eachWriteIsOneChunkAndTheResponseEndsWhenTheHandlerReturns() async throws {
    let client = ScriptedRuntimeClient([ScriptedRuntimeClient.invocation("s", "{}")])
    let runtime = LambdaRuntime(streaming: { _, writer, _ in
      try await writer.write("one ")
      try await writer.write(Array("two ".utf8))
      try await writer.write(ByteBuffer(string: "three"))
    })
    let posts = try await serve(client, runtime, posts: 1)
    guard case .stream("s", let contentType, let chunks, nil) = posts.first else {
      Issue.record("expected a stream, got \(posts)")
      return
    }
    #expect(contentType == "application/octet-stream")
    #expect(text(chunks) == ["one ", "two ", "three"])
  }

  @Test func aChunkLeavesBeforeTheHandlerReturns() async throws {
    let client = ScriptedRuntimeClient([ScriptedRuntimeClient.invocation("s", "{}")])
    let observed = RequestLines()
    let runtime = LambdaRuntime(streaming: { _, writer, _ in
      try await writer.write("first")
      // The first chunk is with the Runtime API while the handler is still working.
      let sent = client.streams.first?.sent ?? []
      observed.append(sent.map { String(decoding: $0, as: UTF8.self) }.joined())
      try await writer.write("second")
    })
    _ = try await serve(client, runtime, posts: 1)
    #expect(observed.all == ["first"])
  }

  @Test func statusAndHeadersBecomeTheFunctionURLPrelude() async throws {
    let client = ScriptedRuntimeClient([ScriptedRuntimeClient.invocation("u", "{}")])
    let runtime = LambdaRuntime(streaming: { _, writer, _ in
      try await writer.writeStatusAndHeaders(
        statusCode: 201, headers: ["content-type": "text/plain", "x-a": "b"], cookies: ["k=v; Secure"])
      try await writer.write("body")
    })
    let posts = try await serve(client, runtime, posts: 1)
    guard case .stream("u", let contentType, let chunks, nil) = posts.first, chunks.count == 2 else {
      Issue.record("expected a stream of two chunks, got \(posts)")
      return
    }
    #expect(contentType == "application/vnd.awslambda.http-integration-response")
    let prelude = chunks[0]
    #expect(prelude.suffix(8) == [0, 0, 0, 0, 0, 0, 0, 0])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(prelude.dropLast(8))) as? [String: Any])
    #expect(json["statusCode"] as? Int == 201)
    #expect(json["headers"] as? [String: String] == ["content-type": "text/plain", "x-a": "b"])
    #expect(json["cookies"] as? [String] == ["k=v; Secure"])
    #expect(text([chunks[1]]) == ["body"])
  }

  @Test func anErrorAfterTheFirstByteGoesInTheTrailersAndOneBeforeItIsAnOrdinaryError() async throws {
    struct Broken: LambdaFunctionError {
      var errorType: String { "Broken" }
    }
    let client = ScriptedRuntimeClient([
      ScriptedRuntimeClient.invocation("late", "late"), ScriptedRuntimeClient.invocation("early", "early"),
    ])
    let runtime = LambdaRuntime(streaming: { event, writer, _ in
      if event == Array("late".utf8) { try await writer.write("partial") }
      throw Broken()
    })
    let posts = try await serve(client, runtime, posts: 2)
    guard case .stream("late", _, let chunks, let error?) = posts.first else {
      Issue.record("expected a stream with an error, got \(posts)")
      return
    }
    #expect(text(chunks) == ["partial"])
    #expect(error.errorType == "Function.Broken")
    guard case .error("early", let report) = posts.last else {
      Issue.record("expected an error post, got \(posts)")
      return
    }
    #expect(report.errorType == "Function.Broken")
  }

  @Test func aTimeoutMidStreamEndsItWithTimeoutTrailersAndClosesTheWriter() async throws {
    let client = ScriptedRuntimeClient([
      ScriptedRuntimeClient.invocation("slow", "{}", deadline: .seconds(1))
    ])
    let lateWrite = RequestLines()
    let runtime = LambdaRuntime(streaming: { _, writer, context in
      try await writer.write("started")
      // Deaf to cancellation until well past the deadline, then tries to go on writing.
      let stop = context.deadline + .seconds(1)
      while ContinuousClock.now < stop { await Task.yield() }
      do {
        try await writer.write("too late")
      } catch {
        lateWrite.append("\(error)")
      }
    })
    let posts = try await serve(client, runtime, posts: 1)
    guard case .stream("slow", _, let chunks, let error?) = posts.first else {
      Issue.record("expected a stream ended by a timeout, got \(posts)")
      return
    }
    #expect(text(chunks) == ["started"])
    #expect(error.errorType == "Function.Timeout")
    #expect(await eventually { !lateWrite.all.isEmpty })
    #expect(lateWrite.all == ["\(StreamingResponseError.closed)"])
  }

  @Test func aStreamingHandlerMayAnswerAnInvocationWithAWholeBufferedResponse() async throws {
    let client = ScriptedRuntimeClient([
      ScriptedRuntimeClient.invocation("whole", "whole"), ScriptedRuntimeClient.invocation("streamed", "streamed"),
    ])
    let refusals = RequestLines()
    let runtime = LambdaRuntime(streaming: { event, writer, _ in
      if event == Array("whole".utf8) {
        try writer.respond(Array(#"{"statusCode":200}"#.utf8))
        do { try await writer.write("more") } catch { refusals.append("\(error)") }
      } else {
        try await writer.write("part")
        do { try writer.respond([]) } catch { refusals.append("\(error)") }
      }
    })
    let posts = try await serve(client, runtime, posts: 2)
    #expect(
      posts == [
        .response(requestId: "whole", body: Array(#"{"statusCode":200}"#.utf8)),
        .stream(
          requestId: "streamed", contentType: "application/octet-stream", chunks: [Array("part".utf8)], error: nil),
      ])
    #expect(refusals.all == ["\(StreamingResponseError.closed)", "\(StreamingResponseError.statusAfterBody)"])
  }

  @Test func aHandlerThatWritesNothingSendsAnEmptyStream() async throws {
    let client = ScriptedRuntimeClient([ScriptedRuntimeClient.invocation("empty", "{}")])
    let posts = try await serve(client, LambdaRuntime(streaming: { _, _, _ in }), posts: 1)
    #expect(posts == [.stream(requestId: "empty", contentType: "application/octet-stream", chunks: [], error: nil)])
  }

  @Test func theWriterRefusesAStatusAfterTheBodyAndAnythingPastItsLimit() async throws {
    let client = ScriptedRuntimeClient([])
    let writer = LambdaResponseWriter(limit: 10) { client.startStreamingResponse(requestId: "w", contentType: $0) }
    try await writer.write("12345")
    await #expect(throws: StreamingResponseError.statusAfterBody) { try await writer.writeStatusAndHeaders() }
    try await writer.write("67890")
    await #expect(throws: StreamingResponseError.responseTooLarge(limit: 10)) { try await writer.write("x") }
    #expect(writer.bytesWritten == 10)
    // The limit decides the outcome even when the handler then returns normally.
    guard case .streamed(_, let report?) = writer.finish(after: .success([])) else {
      Issue.record("expected a streamed ending with an error")
      return
    }
    #expect(report.errorType == "Function.ResponseSizeTooLarge")
    #expect(report.errorMessage.contains("limit of 10 bytes"))
    await #expect(throws: StreamingResponseError.closed) { try await writer.write("late") }
  }

  @Test func aWriteWaitsOnlyWhileMoreThanTheUnconfirmedLimitIsOnItsWay() async throws {
    let stream = HeldResponseStream()
    let writer = LambdaResponseWriter { _ in stream }
    let half = ByteBuffer(repeating: 0x61, count: LambdaResponseWriter.unconfirmedLimit / 2 + 1)
    try await writer.write(half)
    let returned = RequestLines()
    let second = Task {
      try await writer.write(half)
      returned.append("second")
    }
    #expect(await eventually { stream.held == 2 })
    // Both halves are on their way, two bytes past the limit: the second write must wait for the first.
    try await Task.sleep(for: .milliseconds(100))
    #expect(returned.all.isEmpty)
    stream.complete(.success(()))
    try await second.value
    #expect(returned.all == ["second"])
    #expect(writer.bytesWritten == 2 * half.readableBytes)
  }

  @Test func aFailedChunkFailsTheWaitingWriteAndEveryLaterOne() async throws {
    struct Broken: Error, Equatable {}
    let stream = HeldResponseStream()
    let writer = LambdaResponseWriter { _ in stream }
    let large = ByteBuffer(repeating: 0x61, count: LambdaResponseWriter.unconfirmedLimit + 1)
    let waiting = Task { try await writer.write(large) }
    #expect(await eventually { stream.held == 1 })
    stream.complete(.failure(Broken()))
    await #expect(throws: Broken.self) { try await waiting.value }
    await #expect(throws: Broken.self) { try await writer.write("after") }
  }
}
