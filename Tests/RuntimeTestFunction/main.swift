import LambdaRuntime

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

// A function for LambdaRuntimeTests, run as a real process against a local Runtime API. An event that is a
// `TestCommand` is acted on; any other event is echoed back.

/// What the function does with one event.
struct TestCommand: Decodable {
  enum Action: String, Decodable {
    /// Busy for an hour, never suspending and deaf to cancellation.
    case spin
    /// Busy until 100 ms after the deadline, deaf to cancellation: it stops inside the runtime's grace period.
    case spinPastDeadline
    /// Sleeps `milliseconds` (cancellable), then answers with the number.
    case sleep
  }

  var action: Action
  var milliseconds: Int?
}

/// Busy until `instant` without ever suspending or looking at cancellation, like a handler stuck in a CPU loop.
func spin(until instant: ContinuousClock.Instant) {
  while ContinuousClock.now < instant {}
}

func act(on event: [UInt8], context: LambdaContext) async throws -> [UInt8] {
  guard let command = try? JSONDecoder().decode(TestCommand.self, from: Data(event)) else { return event }
  switch command.action {
  case .spin:
    spin(until: .now + .seconds(3600))
  case .spinPastDeadline:
    spin(until: .now + context.remainingTime + .milliseconds(100))
  case .sleep:
    try await Task.sleep(for: .milliseconds(command.milliseconds ?? 0))
  }
  return Array(String(command.milliseconds ?? 0).utf8)
}

await LambdaRuntimeMain.run { _ in
  var registry = HandlerRegistry(router: { _ in "test" })
  registry.register("test", RawClosureHandler(act))
  return registry
}
