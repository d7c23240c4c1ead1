/// How a `LambdaRuntime` runs; the defaults suit a function on Lambda.
public struct LambdaRuntimeConfiguration: Sendable {
  /// The `User-Agent` of the runtime's requests to the Runtime API, e.g. `my-function/1.0`.
  public var userAgent: String
  /// Time kept back before the deadline to report `Function.Timeout` while Lambda still listens.
  public var timeoutSafetyMargin: Duration
  /// How long a handler that ignored its timeout may keep running after the report before `run()` ends with
  /// `LambdaRuntimeError.handlerDidNotStop` (its work would otherwise run on into the next invocation).
  public var timeoutGrace: Duration
  /// Whether `run()` installs `LambdaLogHandler` as swift-log's handler (once per process); turn it off when the
  /// program bootstraps swift-log itself.
  public var installsLogHandler: Bool
  /// The environment to read Lambda's settings from; nil reads the process's.
  public var environment: [String: String]?

  /// A configuration; every default is the runtime's usual behaviour.
  public init(
    userAgent: String = "swift-lambda-runtime/1.0",
    timeoutSafetyMargin: Duration = .milliseconds(50),
    timeoutGrace: Duration = .milliseconds(500),
    installsLogHandler: Bool = true,
    environment: [String: String]? = nil
  ) {
    self.userAgent = userAgent
    self.timeoutSafetyMargin = timeoutSafetyMargin
    self.timeoutGrace = timeoutGrace
    self.installsLogHandler = installsLogHandler
    self.environment = environment
  }
}
