/// The self-test report: `{"total_tests","passed_tests","success_rate","overall_status","steps","cleanup",`
/// `"started_at","table_prefix"}`.
public struct SelfTestResult: Sendable, Codable, Equatable {
  /// One step's outcome; `error` is always present (null when the step passed).
  public struct Step: Sendable, Codable, Equatable {
    public var name: String
    public var passed: Bool
    public var durationMs: Double
    public var error: String?

    enum CodingKeys: String, CodingKey {
      case name, passed, error
      case durationMs = "duration_ms"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(passed, forKey: .passed)
      try container.encode(durationMs, forKey: .durationMs)
      try container.encode(error, forKey: .error)
    }
  }

  /// What the cleanup after the steps found: whether the throwaway user's data is all gone.
  public struct Cleanup: Sendable, Codable, Equatable {
    public var passed: Bool
    /// Items the throwaway user still has; null when they could not be counted.
    public var itemsLeft: Int?

    enum CodingKeys: String, CodingKey {
      case passed
      case itemsLeft = "items_left"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(passed, forKey: .passed)
      try container.encode(itemsLeft, forKey: .itemsLeft)
    }
  }

  public var totalTests: Int
  public var passedTests: Int
  /// e.g. `"100.0%"`.
  public var successRate: String
  /// `"PASS"` when every step passed, else `"FAIL"`.
  public var overallStatus: String
  public var steps: [Step]
  public var cleanup: Cleanup
  public var startedAt: Timestamp
  public var tablePrefix: String

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
  public init(steps: [Step], cleanup: Cleanup, startedAt: Timestamp, tablePrefix: String) {
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
  public var passed: Bool { overallStatus == "PASS" }
}
