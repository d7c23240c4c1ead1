import Dispatch
import Synchronization

/// Runs async code to completion from libFuzzer's synchronous callback.
///
/// The fuzzer's thread is not one of the concurrency pool's, so blocking it on a semaphore cannot starve the task
/// it waits for.
public enum BlockingTask {
  private final class Outcome<Value: Sendable>: Sendable {
    let value = Mutex<Value?>(nil)
  }

  /// The value `body` returns, after waiting for it.
  public static func run<Value: Sendable>(_ body: @escaping @Sendable () async -> Value) -> Value {
    let outcome = Outcome<Value>()
    let finished = DispatchSemaphore(value: 0)
    Task {
      let value = await body()
      outcome.value.withLock { $0 = value }
      finished.signal()
    }
    finished.wait()
    guard let value = outcome.value.withLock({ $0 }) else { fatalError("the task finished without a value") }
    return value
  }
}
