import CarbonTrack
import LambdaRuntime
import NIOCore
import SharedSupport

// Two event loops even on a one-CPU sandbox: one for the Runtime API and the timers, one for the handlers and their
// DynamoDB connections (see docs/RUNTIME.md, "Threads"). It must be set before anything uses NIO's singletons.
NIOSingletons.groupLoopCountSuggestion = 2

let runtime = LambdaRuntime(configuration: LambdaRuntimeConfiguration(userAgent: CarbonTrackFunction.userAgent)) {
  try await CarbonTrackFunction.makeHandler($0)
}
do {
  try await runtime.run()
} catch {
  exit(error.exitStatus)
}
