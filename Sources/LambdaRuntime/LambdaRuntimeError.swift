/// Why a runtime stopped serving invocations; `exitStatus` is the status a `bootstrap` should exit with.
public enum LambdaRuntimeError: Error, CustomStringConvertible, Equatable {
  /// The setup failed; the error was reported to `/runtime/init/error`.
  case initialisationFailed(ErrorReport)
  /// The Runtime API failed (unreachable, bad address, connection lost, 5xx): Lambda restarts the sandbox.
  case runtimeAPI(RuntimeAPIError)
  /// A handler kept running after its `Function.Timeout` was reported and the grace period had passed. Its work
  /// would run on into the next invocation, so the process must end and Lambda start a clean one.
  case handlerDidNotStop(requestId: String, grace: Duration)

  /// 1 after an initialisation error, 2 after a Runtime API failure, 3 after a handler that did not stop.
  public var exitStatus: Int32 {
    switch self {
    case .initialisationFailed: 1
    case .runtimeAPI: 2
    case .handlerDidNotStop: 3
    }
  }

  /// What happened, for the log.
  public var description: String {
    switch self {
    case .initialisationFailed(let report):
      "Initialisation failed with \(report.errorType): \(report.errorMessage)"
    case .runtimeAPI(let error):
      error.description
    case .handlerDidNotStop(let requestId, let grace):
      "The handler of \(requestId) was still running \(grace.millisecondsText) ms after its timeout was "
        + "reported; stopping so that Lambda starts a clean sandbox."
    }
  }
}
