#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The ten-step end-to-end check of the store against the configured tables, on a throwaway user.
///
/// Every step runs (a failed step does not stop later ones, so the report shows the full picture), each is timed,
/// and afterwards all data of the throwaway user is deleted again unless step 10 already proved it gone.
public struct SelfTest: Sendable {
  let store: CarbonTrackStore
  let options: SelfTestOptions

  /// A self-test on `store`.
  public init(store: CarbonTrackStore, options: SelfTestOptions = SelfTestOptions()) {
    self.store = store
    self.options = options
  }

  /// Runs the ten steps and cleans up.
  public func run() async -> SelfTestResult {
    let started = Timestamp.now()
    let userId = "selftest-" + UUID().uuidString.lowercased()
    let state = SelfTestState()
    var steps: [SelfTestResult.Step] = []
    for (index, step) in SelfTestSteps.all.enumerated() {
      let number = index + 1
      let key = number == options.failStep ? "" : userId
      let clock = ContinuousClock()
      var failure: String?
      let elapsed = await clock.measure {
        do {
          try await step.body(SelfTestSteps.Context(store: store, userId: key, now: started, state: state))
        } catch {
          failure = "\(error)"
        }
      }
      let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
      steps.append(
        SelfTestResult.Step(
          name: step.name, passed: failure == nil, durationMs: (ms * 100).rounded() / 100, error: failure))
    }
    if steps.last?.passed != true {
      // Best effort: the report is what matters; a cleanup failure is visible in step 10 already.
      _ = try? await store.deleteAllData(userId)
    }
    return SelfTestResult(steps: steps, startedAt: started, tablePrefix: store.tables.prefix)
  }
}

/// What the steps hand on to later steps: the keys of the entries step 3 stored, in order.
actor SelfTestState {
  private(set) var timestamps: [String] = []

  func record(_ entry: CarbonEntry) {
    timestamps.append(entry.timestamp)
  }
}
