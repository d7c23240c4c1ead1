/// The self-test report: `{"total_tests","passed_tests","success_rate","overall_status","steps","cleanup",`
/// `"started_at","table_prefix"}`.
package struct SelfTestResult: Sendable, Codable, Equatable {
  /// One step's outcome; `error` is always present (null when the step passed).
  package struct Step: Sendable, Codable, Equatable {
    package var name: String
    package var passed: Bool
    package var durationMs: Double
    package var error: String?

    enum CodingKeys: String, CodingKey {
      case name, passed, error
      case durationMs = "duration_ms"
    }

    package func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(passed, forKey: .passed)
      try container.encode(durationMs, forKey: .durationMs)
      try container.encode(error, forKey: .error)
    }
  }

  /// What the cleanup after the steps found: whether the throwaway user's data is all gone.
  package struct Cleanup: Sendable, Codable, Equatable {
    package var passed: Bool
    /// Items the throwaway user still has; null when they could not be counted.
    package var itemsLeft: Int?

    enum CodingKeys: String, CodingKey {
      case passed
      case itemsLeft = "items_left"
    }

    package func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(passed, forKey: .passed)
      try container.encode(itemsLeft, forKey: .itemsLeft)
    }
  }

  package var totalTests: Int
  package var passedTests: Int
  /// e.g. `"100.0%"`.
  package var successRate: String
  /// `"PASS"` when every step passed, else `"FAIL"`.
  package var overallStatus: String
  package var steps: [Step]
  package var cleanup: Cleanup
  package var startedAt: Timestamp
  package var tablePrefix: String

  enum CodingKeys: String, CodingKey {
    case steps, cleanup
    case totalTests = "total_tests"
    case passedTests = "passed_tests"
    case successRate = "success_rate"
    case overallStatus = "overall_status"
    case startedAt = "started_at"
    case tablePrefix = "table_prefix"
  }

  /// Summarises `steps` and the cleanup: PASS needs every step and the cleanup to pass.
  package init(steps: [Step], cleanup: Cleanup, startedAt: Timestamp, tablePrefix: String) {
    self.steps = steps
    self.cleanup = cleanup
    totalTests = steps.count
    passedTests = steps.filter(\.passed).count
    let rate = steps.isEmpty ? 0 : (Double(passedTests) * 1000 / Double(totalTests)).rounded() / 10
    successRate = "\(rate)%"
    overallStatus = passedTests == totalTests && totalTests > 0 && cleanup.passed ? "PASS" : "FAIL"
    self.startedAt = startedAt
    self.tablePrefix = tablePrefix
  }

  /// Whether every step passed.
  package var passed: Bool { overallStatus == "PASS" }
}
