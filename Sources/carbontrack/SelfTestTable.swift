import CarbonTrack

/// Renders a self-test result as a plain-text table for terminals.
enum SelfTestTable {
  /// One line per step (number, name, time, PASS/FAIL and the error), then a summary line.
  static func render(_ result: SelfTestResult) -> String {
    let nameWidth = max(4, result.steps.map(\.name.count).max() ?? 0)
    var lines = [
      "CarbonTrack self-test  started \(result.startedAt.iso8601)  tables \(result.tablePrefix)*",
      pad("#", 3) + pad("Step", nameWidth + 2) + pad("Time (ms)", 11, right: true) + "  Result",
    ]
    for (index, step) in result.steps.enumerated() {
      var line =
        pad(String(index + 1), 3) + pad(step.name, nameWidth + 2)
        + pad(String(step.durationMs), 11, right: true) + "  " + (step.passed ? "PASS" : "FAIL")
      if let error = step.error { line += "  " + error }
      lines.append(line)
    }
    let left = result.cleanup.itemsLeft.map { "\($0) item(s) left" } ?? "items could not be counted"
    lines.append("cleanup: " + (result.cleanup.passed ? "PASS" : "FAIL") + ", " + left)
    lines.append(
      "\(result.passedTests)/\(result.totalTests) passed (\(result.successRate)) — \(result.overallStatus)")
    return lines.joined(separator: "\n")
  }

  private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
  }
}
