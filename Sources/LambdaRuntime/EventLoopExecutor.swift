import NIOCore

/// Runs Swift tasks on a NIO event loop, so the runtime loop and its socket I/O share one thread without hops.
final class EventLoopExecutor: TaskExecutor, @unchecked Sendable {
  // @unchecked: the only stored property is an immutable reference to a thread-safe EventLoop.
  private let eventLoop: any EventLoop

  init(_ eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    eventLoop.execute { job.runSynchronously(on: executor) }
  }
}
