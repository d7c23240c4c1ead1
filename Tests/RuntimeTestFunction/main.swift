import LambdaRuntime
import Synchronization

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

// A function for the runtime tests (LambdaRuntimeTests, LocalLambdaServerTests), run as a real process against a
// Runtime API. An event that is a `TestCommand` is acted on; any other event is echoed back. `TEST_FAIL_SETUP=1` makes the setup throw;
// `TEST_STREAMING=1` makes it a streaming function, which streams what it would answer.

/// What the function does with one event.
struct TestCommand: Decodable {
  enum Action: String, Decodable {
    /// Busy for an hour, never suspending and deaf to cancellation.
    case spin
    /// Busy until 100 ms after the deadline, deaf to cancellation: it stops inside the runtime's grace period.
    case spinPastDeadline
    /// Sleeps `milliseconds` (cancellable), then answers with the number.
    case sleep
    /// Throws a `TestFailure` carrying `message`.
    case fail
    /// Answers with `bytes` bytes of `a`.
    case large
    /// Streams `chunks`, `milliseconds` apart, after `statusCode`, `headers` and `cookies` when a status is given;
    /// then throws a `TestFailure` when `message` is given, or sleeps `sleepAfter` milliseconds.
    case stream
    /// Streams `bytes` bytes of `a` in writes of `chunkBytes`.
    case streamBytes
  }

  var action: Action
  var milliseconds: Int?
  var message: String?
  var bytes: Int?
  var chunks: [String]?
  var statusCode: Int?
  var headers: [String: String]?
  var cookies: [String]?
  var sleepAfter: Int?
  var chunkBytes: Int?
}

/// The error `fail` throws: `Function.TestFailure`.
struct TestFailure: LambdaFunctionError, CustomStringConvertible {
  var message: String
  var errorType: String { "TestFailure" }
  var description: String { message }
}

/// The error a failing setup throws.
struct SetupFailure: Error, CustomStringConvertible {
  var description: String { "the test function was told to fail its setup" }
}

/// Busy until `instant` without ever suspending or looking at cancellation, like a handler stuck in a CPU loop.
func spin(until instant: ContinuousClock.Instant) {
  while ContinuousClock.now < instant {}
}

/// `count` bytes of `a`, made once per count: the streaming benchmark compares what the runtime spends to send the
/// same bytes buffered and streamed, so neither side should pay for a fresh megabyte (and its page faults) each time.
func letters(_ count: Int) -> [UInt8] {
  madeLetters.withLock { made in
    if made.count != count { made = [UInt8](repeating: UInt8(ascii: "a"), count: count) }
    return made
  }
}

let madeLetters = Mutex<[UInt8]>([])

func act(on event: [UInt8], context: LambdaContext) async throws -> [UInt8] {
  guard let command = try? JSONDecoder().decode(TestCommand.self, from: Data(event)) else { return event }
  switch command.action {
  case .spin:
    spin(until: .now + .seconds(3600))
  case .spinPastDeadline:
    spin(until: context.deadline + .milliseconds(100))
  case .sleep:
    try await Task.sleep(for: .milliseconds(command.milliseconds ?? 0))
  case .fail:
    throw TestFailure(message: command.message ?? "failed as asked")
  case .large:
    return letters(max(command.bytes ?? 0, 0))
  case .stream, .streamBytes:
    break
  }
  return Array(String(command.milliseconds ?? 0).utf8)
}

func stream(_ event: [UInt8], writer: LambdaResponseWriter, context: LambdaContext) async throws {
  guard let command = try? JSONDecoder().decode(TestCommand.self, from: Data(event)),
    command.action == .stream || command.action == .streamBytes
  else {
    try await writer.write(try await act(on: event, context: context))
    return
  }
  if command.action == .streamBytes {
    let chunk = letters(max(command.chunkBytes ?? 65_536, 1))
    var left = command.bytes ?? 0
    while left > 0 {
      try await writer.write(chunk.prefix(left))
      left -= chunk.count
    }
    return
  }
  if let statusCode = command.statusCode {
    try await writer.writeStatusAndHeaders(
      statusCode: statusCode, headers: command.headers ?? [:], cookies: command.cookies ?? [])
  }
  for (index, chunk) in (command.chunks ?? []).enumerated() {
    if index > 0 { try await Task.sleep(for: .milliseconds(command.milliseconds ?? 0)) }
    try await writer.write(chunk)
  }
  if let message = command.message { throw TestFailure(message: message) }
  if let sleepAfter = command.sleepAfter { try await Task.sleep(for: .milliseconds(sleepAfter)) }
}

// Any use of the Runtime API decoder's `EmbeddedChannel` off the thread that made it crashes the test function instead
// of printing a warning (SwiftNIO reads this the first time it checks).
setenv("SWIFTNIO_STRICT", "1", 1)
let environment = ProcessInfo.processInfo.environment
let configuration = LambdaRuntimeConfiguration(
  userAgent: "runtime-test-function/1.0",
  timeoutSafetyMargin: .milliseconds(Int64(environment["TEST_SAFETY_MARGIN_MS"] ?? "") ?? 50))
let runtime =
  environment["TEST_STREAMING"] == "1"
  ? LambdaRuntime(configuration: configuration, handler: StreamingClosureHandler(stream))
  : LambdaRuntime(configuration: configuration) { context in
    if context.environment["TEST_FAIL_SETUP"] == "1" { throw SetupFailure() }
    context.onShutdown {
      context.logger.info("test function: shutdown action ran")
      // Runs a task on every event loop, as a client closing its connections would, including the loop a `/next`
      // still waiting blocks (the runtime must wake it first). A loop an abandoned handler holds never gets to it.
      let loops = Array(context.eventLoopGroup.makeIterator())
      let reached = Atomic(0)
      for loop in loops { loop.execute { reached.add(1, ordering: .relaxed) } }
      for _ in 0..<100 where reached.load(ordering: .relaxed) < loops.count {
        try? await Task.sleep(for: .milliseconds(10))
      }
      if reached.load(ordering: .relaxed) == loops.count {
        context.logger.info("test function: shutdown action reached every event loop")
      }
    }
    return RawClosureHandler(act)
  }
do {
  try await runtime.run()
} catch {
  exit(error.exitStatus)
}
