/// How log lines are written: Lambda's tab-separated text or one JSON object per line.
public enum LogFormat: Sendable, Equatable {
  /// `timestamp<TAB>requestId<TAB>LEVEL<TAB>message<TAB>key=value…`, control characters escaped (see `TextLogLine`)
  case text
  /// `{"timestamp":…,"level":…,"message":…,"requestId":…,"traceId":…,<metadata>}`
  case json

  /// Reads `AWS_LAMBDA_LOG_FORMAT` (`JSON` selects `.json`; anything else is text).
  public init(environmentValue: String?) {
    self = environmentValue?.uppercased() == "JSON" ? .json : .text
  }
}
