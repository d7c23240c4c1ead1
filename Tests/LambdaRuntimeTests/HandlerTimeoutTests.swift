import NIOPosix
import Testing

@testable import LambdaRuntime

@Suite("HandlerTimeout: a handler runs until its deadline")
struct HandlerTimeoutTests {
  private let eventLoop = MultiThreadedEventLoopGroup.singleton.next()

  @Test func fastWorkSucceeds() async throws {
    let result = await HandlerTimeout.run(deadline: .now + .seconds(5), timer: eventLoop) { [1, 2] }
    #expect(try result.get() == [1, 2])
  }

  @Test func workThatIgnoresCancellationIsAbandonedAtTheMargin() async {
    let started = ContinuousClock.now
    let result = await HandlerTimeout.run(
      deadline: .now + .milliseconds(250), safetyMargin: .milliseconds(50), timer: eventLoop
    ) {
      // Busy for 2 s and deaf to cancellation, like a stuck handler.
      let stop = ContinuousClock.now + .seconds(2)
      while ContinuousClock.now < stop { await Task.yield() }
      return []
    }
    let elapsed = ContinuousClock.now - started
    guard case .failure(let error) = result, case InvocationError.timeout = error else {
      Issue.record("expected a timeout, got \(result)")
      return
    }
    #expect(elapsed < .milliseconds(1_000))
    #expect(elapsed >= .milliseconds(150))
  }

  @Test func cooperativeWorkIsCancelled() async {
    let result = await HandlerTimeout.run(
      deadline: .now + .milliseconds(100), safetyMargin: .milliseconds(50), timer: eventLoop
    ) {
      try await Task.sleep(for: .seconds(5))
      return []
    }
    guard case .failure(InvocationError.timeout) = result else {
      Issue.record("expected a timeout, got \(result)")
      return
    }
  }

  @Test func deadlineAlreadyInsideTheMarginFailsAtOnce() async {
    let result = await HandlerTimeout.run(
      deadline: .now + .milliseconds(10), safetyMargin: .milliseconds(50), timer: eventLoop
    ) {
      Issue.record("the handler must not run")
      return []
    }
    guard case .failure(InvocationError.timeout) = result else {
      Issue.record("expected a timeout, got \(result)")
      return
    }
  }

  @Test func handlerHoggingItsEventLoopStillTimesOutOnTheOtherLoop() async throws {
    // As bootstrap runs it: the timer on one loop, the handler on another.
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    let loops = Array(group.makeIterator())
    let started = ContinuousClock.now
    let result = await HandlerTimeout.run(
      deadline: .now + .milliseconds(250), safetyMargin: .milliseconds(50), timer: loops[0],
      executor: EventLoopExecutor(loops[1])
    ) {
      // Never suspends: its event loop thread is blocked for 1.5 s.
      let stop = ContinuousClock.now + .milliseconds(1500)
      while ContinuousClock.now < stop {}
      return []
    }
    let elapsed = ContinuousClock.now - started
    guard case .failure(InvocationError.timeout) = result else {
      Issue.record("expected a timeout, got \(result)")
      return
    }
    #expect(elapsed < .milliseconds(1_000), "reported before the handler let go of its thread")
    try await group.shutdownGracefully()
  }
}
