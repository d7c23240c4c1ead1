import CarbonTrackTestSupport
import Testing

@testable import CarbonTrack

@Suite(.enabled(if: TestEnvironment.integrationEnabled)) struct SelfTestTests {
  @Test func allTenStepsPassAndNothingIsLeftBehind() async throws {
    try await withStore("selftest") { store, _ in
      let result = await SelfTest(store: store).run()
      #expect(result.steps.compactMap(\.error) == [])
      #expect(result.totalTests == 10)
      #expect(result.passedTests == 10)
      #expect(result.successRate == "100.0%")
      #expect(result.overallStatus == "PASS")
      #expect(result.tablePrefix == store.tables.prefix)
      #expect(result.steps.allSatisfy { $0.durationMs >= 0 })
      #expect(result.cleanup == SelfTestResult.Cleanup(passed: true, itemsLeft: 0))
      let leftBehind = try await allItems(store)
      #expect(leftBehind == [])
    }
  }

  @Test(arguments: 1...10)
  func injectedFailureIsReportedAndCleanedUp(step: Int) async throws {
    try await withStore("selftestfail") { store, _ in
      let result = await SelfTest(store: store, options: SelfTestOptions(failStep: step)).run()
      #expect(result.overallStatus == "FAIL")
      let failed = result.steps[step - 1]
      #expect(!failed.passed)
      #expect(failed.error?.contains("ValidationException") == true, "\(failed.error ?? "")")
      #expect(result.passedTests < 10)
      #expect(result.cleanup == SelfTestResult.Cleanup(passed: true, itemsLeft: 0), "step \(step)")
      let leftBehind = try await allItems(store)
      #expect(leftBehind == [])
    }
  }

  /// The steps' deadline passes after step N: the later steps fail on it, the cleanup (outside it) still runs.
  @Test(arguments: [0, 1, 3, 7, 9])
  func anExpiredDeadlineFailsTheRemainingStepsButTheCleanupStillRuns(expireAfterStep: Int) async throws {
    try await withStore("selftestdeadline") { store, _ in
      let result = await SelfTest(store: store, options: SelfTestOptions(expireAfterStep: expireAfterStep)).run()
      #expect(result.overallStatus == "FAIL")
      #expect(result.passedTests == expireAfterStep, "\(result.steps.map(\.passed))")
      for step in result.steps.dropFirst(expireAfterStep) {
        #expect(step.error?.contains("Deadline") == true, "\(step.name): \(step.error ?? "")")
      }
      #expect(result.cleanup == SelfTestResult.Cleanup(passed: true, itemsLeft: 0))
      let leftBehind = try await allItems(store)
      #expect(leftBehind == [])
    }
  }

  @Test func resultJSONHasTheDocumentedShape() throws {
    let result = SelfTestResult(
      steps: [SelfTestResult.Step(name: "a", passed: true, durationMs: 1.5, error: nil)],
      cleanup: SelfTestResult.Cleanup(passed: true, itemsLeft: 0), startedAt: Timestamp(millisecondsSinceEpoch: 0),
      tablePrefix: "p-")
    let json = String(decoding: try JSONCoding.encode(result), as: UTF8.self)
    #expect(
      json
        == #"{"cleanup":{"items_left":0,"passed":true},"overall_status":"PASS","passed_tests":1,"#
        + #""started_at":"1970-01-01T00:00:00.000Z","#
        + #""steps":[{"duration_ms":1.5,"error":null,"name":"a","passed":true}],"success_rate":"100.0%","#
        + #""table_prefix":"p-","total_tests":1}"#)
  }
}
