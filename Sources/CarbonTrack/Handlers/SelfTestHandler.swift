import DynamoDB
import LambdaRuntime

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Runs the ten-step self-test; the event may carry `SelfTestOptions` (e.g. `{"failStep": 3}`).
package struct SelfTestHandler: RawLambdaHandler {
  let store: CarbonTrackStore
  /// The time kept for the cleanup after the steps (less when the invocation has less than three times this).
  static let cleanupReserve: Duration = .milliseconds(1500)

  package init(store: CarbonTrackStore) {
    self.store = store
  }

  package func handle(_ event: [UInt8], context: LambdaContext) async throws -> [UInt8] {
    let options = (try? JSONDecoder().decode(SelfTestOptions.self, from: Data(event))) ?? SelfTestOptions()
    if let step = options.failStep, !(1...SelfTestSteps.all.count).contains(step) {
      throw CarbonTrackError.invalid("failStep", "must be from 1 to \(SelfTestSteps.all.count)")
    }
    if let step = options.expireAfterStep, !(0...SelfTestSteps.all.count).contains(step) {
      throw CarbonTrackError.invalid("expireAfterStep", "must be from 0 to \(SelfTestSteps.all.count)")
    }
    // The steps leave time for the cleanup: a run that is out of time still removes its throwaway user.
    let available = context.remainingTime - DynamoDBDeadline.invocationMargin
    let stepsDeadline = ContinuousClock.now.advanced(by: available - min(Self.cleanupReserve, available / 3))
    let result = try await DynamoDBDeadline.run(within: context) {
      await SelfTest(store: store, options: options).run(stepsDeadline: stepsDeadline)
    }
    return try JSONCoding.encode(result)
  }
}
