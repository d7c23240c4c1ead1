import NIOCore
import NIOPosix
import Testing

@testable import LambdaRuntime

/// After a timeout both the runtime loop and the watchdog may wait for the abandoned handler; each must get its
/// answer.
@Suite("HandlerCompletion: every waiter gets an answer", .timeLimit(.minutes(1)))
struct HandlerCompletionTests {
  private let eventLoop = MultiThreadedEventLoopGroup.singleton.next()

  @Test func twoWaitersBothLearnTheHandlerEnded() async {
    let completion = HandlerCompletion()
    async let first = completion.waitUntilFinished(atMost: .seconds(30), timer: eventLoop)
    async let second = completion.waitUntilFinished(atMost: .seconds(30), timer: eventLoop)
    try? await Task.sleep(for: .milliseconds(50))
    completion.markFinished()
    #expect(await [first, second] == [true, true])
  }

  @Test func twoWaitersBothGiveUpAtTheirLimit() async {
    let completion = HandlerCompletion()
    async let first = completion.waitUntilFinished(atMost: .milliseconds(50), timer: eventLoop)
    async let second = completion.waitUntilFinished(atMost: .milliseconds(80), timer: eventLoop)
    #expect(await [first, second] == [false, false])
  }

  @Test func aWaiterAfterTheEndIsAnsweredAtOnce() async {
    let completion = HandlerCompletion()
    completion.markFinished()
    #expect(await completion.waitUntilFinished(atMost: .seconds(30), timer: eventLoop))
  }
}
