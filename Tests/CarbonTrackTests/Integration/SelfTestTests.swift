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
      let leftBehind = try await allItems(store)
      #expect(leftBehind == [])
    }
  }

  @Test(arguments: [1, 3, 6, 10])
  func injectedFailureIsReportedAndCleanedUp(step: Int) async throws {
    try await withStore("selftestfail") { store, _ in
      let result = await SelfTest(store: store, options: SelfTestOptions(failStep: step)).run()
      #expect(result.overallStatus == "FAIL")
      let failed = result.steps[step - 1]
      #expect(!failed.passed)
      #expect(failed.error?.contains("ValidationException") == true, "\(failed.error ?? "")")
      #expect(result.passedTests < 10)
      let leftBehind = try await allItems(store)
      #expect(leftBehind == [])
    }
  }

  @Test func resultJSONHasTheDocumentedShape() throws {
    let result = SelfTestResult(
      steps: [SelfTestResult.Step(name: "a", passed: true, durationMs: 1.5, error: nil)],
      startedAt: Timestamp(millisecondsSinceEpoch: 0), tablePrefix: "p-")
    let json = String(decoding: try JSONCoding.encode(result), as: UTF8.self)
    #expect(
      json
        == #"{"overall_status":"PASS","passed_tests":1,"started_at":"1970-01-01T00:00:00.000Z","#
        + #""steps":[{"duration_ms":1.5,"error":null,"name":"a","passed":true}],"success_rate":"100.0%","#
        + #""table_prefix":"p-","total_tests":1}"#)
  }
}
