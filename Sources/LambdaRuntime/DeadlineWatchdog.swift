import NIOCore
import Synchronization

/// Fires the running invocation's timeout from an event loop other than the handler's, without waking that loop
/// on every invocation.
///
/// Scheduling and cancelling a timer on another thread wakes that thread twice per invocation, which costs as much
/// CPU as the invocation's own work. Instead the watchdog keeps one timer pending: arming it for a deadline at or
/// after the pending timer's only records the deadline, and when the timer fires for an invocation that has already
/// ended, it re-arms itself for the one running now (at most once per timeout period in a busy sandbox).
final class DeadlineWatchdog: Sendable {
  private struct Watch {
    var id: UInt64
    var deadline: ContinuousClock.Instant
    var fire: @Sendable () -> Void
  }

  private struct State {
    var watch: Watch?
    /// When the pending timer fires; nil when none is pending.
    var timerDeadline: ContinuousClock.Instant?
    var lastId: UInt64 = 0
  }

  /// Where the timer runs: it must not be the handlers' thread, so a handler that hogs it cannot hold the timeout up.
  let eventLoop: any EventLoop
  private let state = Mutex(State())

  init(eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
  }

  /// Runs `fire` on `eventLoop` at `deadline` unless `disarm` is called first with the returned id. Arming again
  /// replaces the previous watch: one invocation runs at a time.
  func arm(at deadline: ContinuousClock.Instant, _ fire: @escaping @Sendable () -> Void) -> UInt64 {
    let (id, schedule) = state.withLock { state -> (UInt64, Bool) in
      state.lastId &+= 1
      state.watch = Watch(id: state.lastId, deadline: deadline, fire: fire)
      if let pending = state.timerDeadline, pending <= deadline { return (state.lastId, false) }
      state.timerDeadline = deadline
      return (state.lastId, true)
    }
    if schedule { scheduleTimer(at: deadline) }
    return id
  }

  /// Forgets the watch `id`, if it is still the current one; the timer stays pending for later watches.
  func disarm(_ id: UInt64) {
    state.withLock { state in
      if state.watch?.id == id { state.watch = nil }
    }
  }

  private func scheduleTimer(at deadline: ContinuousClock.Instant) {
    let delay = ContinuousClock.now.duration(to: deadline)
    eventLoop.scheduleTask(in: .nanoseconds(max(delay, .zero).wholeNanoseconds)) { [self] in
      timerFired(scheduledFor: deadline)
    }
  }

  private func timerFired(scheduledFor deadline: ContinuousClock.Instant) {
    enum Next {
      case nothing
      case fire(@Sendable () -> Void)
      case reschedule(ContinuousClock.Instant)
    }
    let next = state.withLock { state -> Next in
      // A timer an earlier deadline superseded: the one scheduled for that deadline handles the watch.
      guard state.timerDeadline == deadline else { return .nothing }
      state.timerDeadline = nil
      guard let watch = state.watch else { return .nothing }
      if watch.deadline <= .now {
        state.watch = nil
        return .fire(watch.fire)
      }
      state.timerDeadline = watch.deadline
      return .reschedule(watch.deadline)
    }
    switch next {
    case .nothing: break
    case .fire(let fire): fire()
    case .reschedule(let deadline): scheduleTimer(at: deadline)
    }
  }
}
