import Testing

@testable import LambdaRuntime
@testable import LocalLambdaServer

@Suite("InvocationReport and durations")
struct InvocationReportTests {
  @Test func billedDurationRoundsUpToWholeMilliseconds() {
    let report = InvocationReport(
      requestId: "id", duration: .microseconds(1_080), memorySizeMB: 128, initDuration: .microseconds(12_345),
      errorType: nil)
    #expect(report.billedMilliseconds == 2)
    #expect(
      report.line(maxMemoryUsedMB: 9)
        == "REPORT RequestId: id\tDuration: 1.08 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 9 MB"
        + "\tInit Duration: 12.35 ms")
  }

  @Test func exactMillisecondsAreNotRoundedUp() {
    let report = InvocationReport(requestId: "id", duration: .milliseconds(3), memorySizeMB: 128)
    #expect(report.billedMilliseconds == 3)
  }
}
