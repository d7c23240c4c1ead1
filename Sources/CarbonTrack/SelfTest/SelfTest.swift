import DynamoDB

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The ten-step end-to-end check of the store against the configured tables, on a throwaway user.
///
/// Every step runs (a failed step does not stop later ones, so the report shows the full picture) and is timed.
/// Then, outside the steps' deadline, a cleanup deletes whatever the throwaway user still has and counts what is
/// left; the report carries that outcome, and a run passes only if every step passed and nothing is left.
package struct SelfTest: Sendable {
  let store: CarbonTrackStore
  let options: SelfTestOptions

  /// A self-test on `store`; it works on a throwaway user of its own, which it deletes.
  package init(store: CarbonTrackStore, options: SelfTestOptions = SelfTestOptions()) {
    self.store = store
    self.options = options
  }

  /// Runs the ten steps, each bounded by `stepsDeadline` (if given), then the cleanup, bounded only by the caller's
  /// own deadline, so a run that ran out of time still removes its data.
  package func run(stepsDeadline: ContinuousClock.Instant? = nil) async -> SelfTestResult {
    let started = Timestamp.now()
    let userId = "selftest-" + UUID().uuidString.lowercased()
    let state = SelfTestState()
    var steps: [SelfTestResult.Step] = []
    for (index, step) in SelfTestSteps.all.enumerated() {
      let number = index + 1
      let key = number == options.failStep ? "" : userId
      let context = SelfTestSteps.Context(store: store, userId: key, now: started, state: state)
      // Fault injection: after step `expireAfterStep`, the steps' deadline has passed.
      let deadline = options.expireAfterStep.map { number > $0 } == true ? ContinuousClock.now : stepsDeadline
      let clock = ContinuousClock()
      var failure: String?
      let elapsed = await clock.measure {
        do {
          if let deadline {
            try await DynamoDBDeadline.run(until: deadline) { try await step.body(context) }
          } else {
            try await step.body(context)
          }
        } catch {
          failure = "\(error)"
        }
      }
      let ms = elapsed.milliseconds
      steps.append(
        SelfTestResult.Step(
          name: step.name, passed: failure == nil, durationMs: (ms * 100).rounded() / 100, error: failure))
    }
    return SelfTestResult(
      steps: steps, cleanup: await cleanUp(userId, state: state, alreadyDeleted: steps.last?.passed == true),
      startedAt: started, tablePrefix: store.tables.prefix)
  }

  /// Deletes the throwaway user's data unless step 10 already did, then counts what is left. When step 10 passed, its
  /// own count was the last thing to touch the tables, so counting again (four more queries) could only repeat it.
  private func cleanUp(_ userId: String, state: SelfTestState, alreadyDeleted: Bool) async -> SelfTestResult.Cleanup {
    if !alreadyDeleted { _ = try? await store.deleteAllData(userId) }
    var counted = alreadyDeleted ? await state.remaining : nil
    if counted == nil { counted = try? await store.itemCounts(userId) }
    guard let counts = counted else {
      return SelfTestResult.Cleanup(passed: false, itemsLeft: nil)
    }
    let left = counts.values.reduce(0, +)
    return SelfTestResult.Cleanup(passed: left == 0, itemsLeft: left)
  }
}

/// What the steps hand on to later steps: the keys of the entries step 3 stored, in order, and step 10's count.
actor SelfTestState {
  private(set) var timestamps: [String] = []
  /// What step 10 counted in each table after deleting everything.
  private(set) var remaining: [String: Int]?

  func record(_ entry: CarbonEntry) {
    timestamps.append(entry.timestamp)
  }

  func recordRemaining(_ counts: [String: Int]) {
    remaining = counts
  }
}
