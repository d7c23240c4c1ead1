/// Failures the runtime itself reports for an invocation.
public enum InvocationError: LambdaFunctionError, CustomStringConvertible, Equatable {
  /// The handler did not finish before the deadline minus the safety margin; `budget` is the time it had.
  case timeout(budget: Duration)
  /// The response is larger than the Runtime API accepts.
  case responseTooLarge(bytes: Int, limit: Int)

  /// `Timeout` or `ResponseSizeTooLarge`.
  public var errorType: String {
    switch self {
    case .timeout: "Timeout"
    case .responseTooLarge: "ResponseSizeTooLarge"
    }
  }

  /// What happened, with the numbers.
  public var description: String {
    switch self {
    case .timeout(let budget) where budget <= .zero:
      "Task timed out: the deadline left no time to run the handler (the runtime keeps a safety margin before the "
        + "deadline to report errors)."
    case .timeout(let budget):
      "Task timed out: the handler did not finish within \(budget.millisecondsText) ms (the deadline minus "
        + "the runtime's safety margin)."
    case .responseTooLarge(let bytes, let limit):
      "Response payload size (\(bytes) bytes) exceeded the maximum allowed payload size (\(limit) bytes)."
    }
  }
}
