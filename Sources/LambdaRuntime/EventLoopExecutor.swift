import NIOCore

/// Runs Swift tasks on a NIO event loop, so the runtime loop and its socket I/O share one thread without hops.
///
/// Use it with `withTaskExecutorPreference` around code whose I/O (e.g. an HTTP client on the same loop)
/// completes on that loop: continuations then resume where they were woken instead of crossing threads.
public final class EventLoopExecutor: TaskExecutor, @unchecked Sendable {
  // @unchecked: the only stored property is an immutable reference to a thread-safe EventLoop.
  private let eventLoop: any EventLoop

  /// An executor that runs every job on `eventLoop`.
  public init(_ eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
  }

  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    eventLoop.execute { job.runSynchronously(on: executor) }
  }
}
