/// The figures Lambda prints in its `REPORT` line after an invocation.
public struct InvocationReport: Sendable, Equatable {
  public var requestId: String
  /// Time from delivering the event to the function's answer.
  public var duration: Duration
  /// The configured memory size in MB.
  public var memorySizeMB: Int
  /// Time from process start to its first `/next`, on the first invocation only.
  public var initDuration: Duration?
  /// The error type when the invocation failed.
  public var errorType: String?

  /// Duration rounded up to whole milliseconds, as Lambda bills it.
  public var billedMilliseconds: Int64 { duration.wholeMilliseconds(roundingUp: true) }

  /// The REPORT line; `maxMemoryUsedMB` comes from the function process when it is known.
  public func line(maxMemoryUsedMB: Int? = nil) -> String {
    var fields = [
      "REPORT RequestId: \(requestId)",
      "Duration: \(duration.millisecondsText) ms",
      "Billed Duration: \(billedMilliseconds) ms",
      "Memory Size: \(memorySizeMB) MB",
    ]
    if let maxMemoryUsedMB { fields.append("Max Memory Used: \(maxMemoryUsedMB) MB") }
    if let initDuration { fields.append("Init Duration: \(initDuration.millisecondsText) ms") }
    if let errorType { fields.append("Status: error\tError Type: \(errorType)") }
    return fields.joined(separator: "\t")
  }
}
