import Testing

@testable import CarbonTrack
@testable import carbontrack

@Suite struct SelfTestTableTests {
  @Test func rendersOneLinePerStepAndASummary() {
    let result = SelfTestResult(
      steps: [
        SelfTestResult.Step(name: "Create user profile", passed: true, durationMs: 4.25, error: nil),
        SelfTestResult.Step(name: "Read", passed: false, durationMs: 12, error: "Assertion failed: x"),
      ], cleanup: SelfTestResult.Cleanup(passed: true, itemsLeft: 0),
      startedAt: Timestamp(millisecondsSinceEpoch: 0), tablePrefix: "t-")
    let lines = SelfTestTable.render(result).split(separator: "\n").map(String.init)
    #expect(lines.count == 6)
    #expect(lines[0].contains("1970-01-01T00:00:00.000Z") && lines[0].contains("t-*"))
    #expect(lines[2].hasPrefix("1  Create user profile") && lines[2].hasSuffix("4.25  PASS"))
    #expect(lines[3].hasSuffix("12.0  FAIL  Assertion failed: x"))
    #expect(lines[4] == "cleanup: PASS, 0 item(s) left")
    #expect(lines[5] == "1/2 passed (50.0%) — FAIL")
    #expect(result.successRate == "50.0%")
    #expect(!result.passed)
  }
}
