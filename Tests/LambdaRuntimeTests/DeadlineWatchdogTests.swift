import NIOCore
import NIOPosix
import RuntimeTestSupport
import Synchronization
import Testing

@testable import LambdaRuntime

/// The watchdog keeps one timer pending across invocations; each watch still fires at its own deadline, and only
/// the current one fires.
@Suite("DeadlineWatchdog: one pending timer for every invocation", .timeLimit(.minutes(1)))
struct DeadlineWatchdogTests {
  private let watchdog = DeadlineWatchdog(eventLoop: MultiThreadedEventLoopGroup.singleton.next())

  /// When a watch fired, counted from the test's start.
  final class Firings: Sendable {
    private let times = Mutex<[Duration]>([])
    func record(_ time: Duration) { times.withLock { $0.append(time) } }
    var all: [Duration] { times.withLock { $0 } }
  }

  /// Arms `watchdog` for `start + delay`; `fired` records when the watch fired.
  private func arm(_ delay: Duration, _ fired: Firings, from start: ContinuousClock.Instant) -> UInt64 {
    watchdog.arm(at: start + delay) { fired.record(ContinuousClock.now - start) }
  }

  @Test func aWatchFiresAtItsDeadline() async throws {
    let fired = Firings()
    _ = arm(.milliseconds(50), fired, from: ContinuousClock.now)
    #expect(await eventually { fired.all.count == 1 })
    let at = try #require(fired.all.first)
    #expect(at >= .milliseconds(50))
  }

  @Test func aLaterWatchAfterADisarmedOneFiresAtItsOwnDeadlineNotBefore() async throws {
    let fired = Firings()
    let start = ContinuousClock.now
    watchdog.disarm(arm(.milliseconds(30), fired, from: start))
    _ = arm(.milliseconds(200), fired, from: start)
    try await Task.sleep(for: .milliseconds(120))
    #expect(fired.all.isEmpty, "the disarmed watch fired, or the later one fired early")
    #expect(await eventually { fired.all.count == 1 })
    #expect(try #require(fired.all.first) >= .milliseconds(200))
  }

  @Test func anEarlierDeadlineThanThePendingTimerIsNotLate() async throws {
    let fired = Firings()
    let start = ContinuousClock.now
    watchdog.disarm(arm(.seconds(5), fired, from: start))
    _ = arm(.milliseconds(40), fired, from: start)
    #expect(await eventually { fired.all.count == 1 })
    #expect(try #require(fired.all.first) < .seconds(2))
  }

  @Test func onlyTheCurrentWatchFires() async throws {
    let first = Firings()
    let second = Firings()
    let start = ContinuousClock.now
    _ = arm(.milliseconds(40), first, from: start)
    _ = arm(.milliseconds(60), second, from: start)
    #expect(await eventually { second.all.count == 1 })
    #expect(first.all.isEmpty, "a replaced watch fired")
  }
}
