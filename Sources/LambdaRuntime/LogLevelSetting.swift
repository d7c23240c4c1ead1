import Logging

/// Parses Lambda's `AWS_LAMBDA_LOG_LEVEL` values into swift-log levels.
public enum LogLevelSetting {
  /// TRACE, DEBUG, INFO, WARN, ERROR, FATAL (case-insensitive; swift-log names accepted too); nil when unset or unknown.
  public static func level(from value: String?) -> Logger.Level? {
    switch value?.uppercased() {
    case "TRACE": .trace
    case "DEBUG": .debug
    case "INFO": .info
    case "NOTICE": .notice
    case "WARN", "WARNING": .warning
    case "ERROR": .error
    case "FATAL", "CRITICAL": .critical
    default: nil
    }
  }

  /// The name Lambda uses for a level in log lines.
  static func name(of level: Logger.Level) -> String {
    switch level {
    case .trace: "TRACE"
    case .debug: "DEBUG"
    case .info: "INFO"
    case .notice: "NOTICE"
    case .warning: "WARN"
    case .error: "ERROR"
    case .critical: "FATAL"
    }
  }
}
