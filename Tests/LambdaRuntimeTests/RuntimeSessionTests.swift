import Logging
import NIOCore
import RuntimeTestSupport
import Testing

@testable import LambdaRuntime

/// The runtime's loop driven in-process by a scripted Runtime API.
@Suite("RuntimeSession with a scripted Runtime API", .timeLimit(.minutes(1)))
struct RuntimeSessionTests {
  struct Greeting: Decodable, Sendable { var name: String }
  struct Reply: Encodable, Sendable { var text: String }

  struct Refusal: LambdaFunctionError, CustomStringConvertible {
    var errorType: String { "Refused" }
    var description: String { "not today" }
  }

  private static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

  private func session(
    _ client: ScriptedRuntimeClient, _ runtime: LambdaRuntime, termination: TerminationRequest = TerminationRequest(),
    shutdownCount: RequestLines = RequestLines()
  ) -> RuntimeSession<ScriptedRuntimeClient> {
    let initContext = LambdaInitContext(
      environment: [:], logger: Self.quiet, eventLoopGroup: client.eventLoop)
    initContext.onShutdown { shutdownCount.append("ran") }
    return RuntimeSession(
      api: client, setup: runtime.setup,
      environment: LambdaEnvironment(["AWS_LAMBDA_FUNCTION_NAME": "scripted"]), initContext: initContext,
      configuration: runtime.configuration, handlerExecutor: globalConcurrentExecutor,
      loopExecutor: EventLoopExecutor(client.eventLoop), termination: termination, startedAt: .now)
  }

  /// Runs `session` until `count` posts were made, then asks it to shut down; returns the posts.
  private func serve(
    _ client: ScriptedRuntimeClient, _ runtime: LambdaRuntime, posts count: Int
  ) async throws -> [ScriptedRuntimeClient.Post] {
    let termination = TerminationRequest()
    let running = Task { try await session(client, runtime, termination: termination).run() }
    #expect(await eventually { client.posts.count >= count })
    termination.request()
    try await running.value
    return client.posts
  }

  @Test func servesEveryEventInOrderAndKnowsTheColdStart() async throws {
    let client = ScriptedRuntimeClient([
      ScriptedRuntimeClient.invocation("a", "1"), ScriptedRuntimeClient.invocation("b", "2"),
    ])
    let runtime = LambdaRuntime(bytes: { event, context in
      Array((context.isColdStart ? "cold:" : "warm:").utf8) + event
    })
    let posts = try await serve(client, runtime, posts: 2)
    #expect(
      posts == [
        .response(requestId: "a", body: Array("cold:1".utf8)), .response(requestId: "b", body: Array("warm:2".utf8)),
      ])
  }

  @Test func aCodableClosureDecodesAndEncodesJSONAndNamesAMissingField() async throws {
    let client = ScriptedRuntimeClient([
      ScriptedRuntimeClient.invocation("ok", #"{"name":"Ada"}"#), ScriptedRuntimeClient.invocation("bad", "{}"),
    ])
    let runtime = LambdaRuntime { (greeting: Greeting, _: LambdaContext) in Reply(text: "Hello, \(greeting.name)!") }
    let posts = try await serve(client, runtime, posts: 2)
    #expect(posts.first == .response(requestId: "ok", body: Array(#"{"text":"Hello, Ada!"}"#.utf8)))
    guard case .error(let requestId, let report) = posts.last else {
      Issue.record("expected an error post, got \(posts)")
      return
    }
    #expect(requestId == "bad")
    #expect(report.errorType == "Function.InvalidEvent")
    #expect(report.errorMessage.contains("'name'"))
  }

  @Test func aThrownErrorIsPostedWithItsTypeAndTheLoopGoesOn() async throws {
    let client = ScriptedRuntimeClient([
      ScriptedRuntimeClient.invocation("a", "x"), ScriptedRuntimeClient.invocation("b", "y"),
    ])
    let runtime = LambdaRuntime(bytes: { event, _ in
      if event == Array("x".utf8) { throw Refusal() }
      return event
    })
    let posts = try await serve(client, runtime, posts: 2)
    #expect(
      posts == [
        .error(requestId: "a", report: ErrorReport(category: "Function", name: "Refused", message: "not today")),
        .response(requestId: "b", body: Array("y".utf8)),
      ])
  }

  @Test func theContextCarriesTheInvocationAndItsDeadlineAsAnInstant() async throws {
    let client = ScriptedRuntimeClient([
      ScriptedRuntimeClient.invocation("ctx", "{}", deadline: .seconds(10), traceId: "Root=1-abc")
    ])
    let runtime = LambdaRuntime(bytes: { _, context in
      let remaining = context.remainingTime / .milliseconds(1)
      return Array("\(context.requestId) \(context.traceId ?? "-") \(context.functionName) \(Int(remaining))".utf8)
    })
    let posts = try await serve(client, runtime, posts: 1)
    guard case .response(_, let body) = posts.first else {
      Issue.record("expected a response, got \(posts)")
      return
    }
    let fields = String(decoding: body, as: UTF8.self).split(separator: " ").map(String.init)
    #expect(Array(fields.prefix(3)) == ["ctx", "Root=1-abc", "scripted"])
    let remaining = try #require(Int(fields[3]))
    #expect((9_000...10_000).contains(remaining), "\(remaining) ms left of 10 s")
  }

  @Test func aFailingSetupIsReportedAndEndsTheRunWithItsReport() async throws {
    let client = ScriptedRuntimeClient([ScriptedRuntimeClient.invocation("never", "{}")])
    let shutdowns = RequestLines()
    let runtime = LambdaRuntime(setup: { (_: LambdaInitContext) throws -> RawClosureHandler in throw Refusal() })
    let report = ErrorReport(category: "Function", name: "Refused", message: "not today")
    await #expect(throws: LambdaRuntimeError.initialisationFailed(report)) {
      try await session(client, runtime, shutdownCount: shutdowns).run()
    }
    #expect(client.posts == [.initError(report)])
    #expect(shutdowns.all == ["ran"])
    #expect(LambdaRuntimeError.initialisationFailed(report).exitStatus == 1)
  }

  @Test func aRuntimeAPIFailureEndsTheRunAfterTheShutdownActions() async throws {
    let client = ScriptedRuntimeClient([.failure(.connectionClosed)])
    let shutdowns = RequestLines()
    let runtime = LambdaRuntime(bytes: { event, _ in event })
    await #expect(throws: LambdaRuntimeError.runtimeAPI(.connectionClosed)) {
      try await session(client, runtime, shutdownCount: shutdowns).run()
    }
    #expect(shutdowns.all == ["ran"])
    #expect(LambdaRuntimeError.runtimeAPI(.connectionClosed).exitStatus == 2)
  }

  @Test func aShutdownLetsTheRunningInvocationFinishFirst() async throws {
    let client = ScriptedRuntimeClient([ScriptedRuntimeClient.invocation("slow", "{}")])
    let started = RequestLines()
    let runtime = LambdaRuntime(bytes: { event, _ in
      started.append("started")
      try await Task.sleep(for: .milliseconds(150))
      return event
    })
    let termination = TerminationRequest()
    let shutdowns = RequestLines()
    let running = Task { try await session(client, runtime, termination: termination, shutdownCount: shutdowns).run() }
    #expect(await eventually { !started.all.isEmpty })
    termination.request()
    try await running.value
    #expect(client.posts == [.response(requestId: "slow", body: Array("{}".utf8))])
    #expect(shutdowns.all == ["ran"])
  }

  @Test func aHandlerThatIgnoresItsTimeoutEndsTheRunAfterTheGrace() async throws {
    let client = ScriptedRuntimeClient([
      ScriptedRuntimeClient.invocation("stuck", "{}", deadline: .milliseconds(300)),
      ScriptedRuntimeClient.invocation("next", "{}"),
    ])
    let configuration = LambdaRuntimeConfiguration(timeoutGrace: .milliseconds(200))
    let runtime = LambdaRuntime(
      configuration: configuration,
      bytes: { event, _ in
        // Deaf to cancellation for well past the deadline and the grace.
        let stop = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < stop { await Task.yield() }
        return event
      })
    await #expect(throws: LambdaRuntimeError.handlerDidNotStop(requestId: "stuck", grace: .milliseconds(200))) {
      try await session(client, runtime).run()
    }
    guard case .error("stuck", let report) = client.posts.first else {
      Issue.record("expected the timeout to be posted, got \(client.posts)")
      return
    }
    #expect(report.errorType == "Function.Timeout")
    #expect(client.posts.count == 1, "it never asked for the next event")
  }
}
