import LambdaRuntime

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Runs the ten-step self-test; the event may carry `SelfTestOptions` (e.g. `{"failStep": 3}`).
public struct SelfTestHandler: RawLambdaHandler {
  let store: CarbonTrackStore

  /// A handler on `store`.
  public init(store: CarbonTrackStore) {
    self.store = store
  }

  public func handle(_ event: [UInt8], context: LambdaContext) async throws -> [UInt8] {
    let options = (try? JSONDecoder().decode(SelfTestOptions.self, from: Data(event))) ?? SelfTestOptions()
    if let step = options.failStep, !(1...SelfTestSteps.all.count).contains(step) {
      throw CarbonTrackError.invalid("failStep", "must be from 1 to \(SelfTestSteps.all.count)")
    }
    let result = try await DeadlineScope.run(context) { await SelfTest(store: store, options: options).run() }
    return try JSONCoding.encode(result)
  }
}
