/// Settings of a `LocalLambdaServer`, mirroring a function's configuration on Lambda.
public struct LocalLambdaConfiguration: Sendable {
  /// Address to listen on; loopback by default.
  public var host: String
  /// Port to listen on; 0 picks a free one.
  public var port: Int
  /// The function timeout: the deadline each invocation gets.
  public var timeout: Duration
  /// The memory size reported to the function and in REPORT lines, in MB.
  public var memoryMB: Int
  /// The function name used in ARNs and the environment.
  public var functionName: String
  /// The region used in ARNs and the environment.
  public var region: String
  /// Largest accepted invocation payload (Lambda: 6 MiB for synchronous invokes).
  public var maxEventBytes: Int
  /// Largest accepted function response (Lambda: 6 MiB); larger answers get HTTP 413.
  public var maxResponseBytes: Int
  /// Largest accepted streamed response (Lambda: 20 MiB); a stream that goes past it is cut there and fails with
  /// `Function.ResponseSizeTooLarge`.
  public var maxStreamedResponseBytes: Int
  /// Called after every finished invocation, e.g. to print a REPORT line.
  public var onReport: (@Sendable (InvocationReport) -> Void)?

  /// Creates a configuration; the defaults are Lambda's (3 s, 128 MB, 6 MiB payloads, 20 MiB streams) on
  /// 127.0.0.1:9000.
  public init(
    host: String = "127.0.0.1",
    port: Int = 9000,
    timeout: Duration = .seconds(3),
    memoryMB: Int = 128,
    functionName: String = "function",
    region: String = "us-east-1",
    maxEventBytes: Int = 6 * 1024 * 1024,
    maxResponseBytes: Int = 6 * 1024 * 1024,
    maxStreamedResponseBytes: Int = 20 * 1024 * 1024,
    onReport: (@Sendable (InvocationReport) -> Void)? = nil
  ) {
    self.host = host
    self.port = port
    self.timeout = timeout
    self.memoryMB = memoryMB
    self.functionName = functionName
    self.region = region
    self.maxEventBytes = maxEventBytes
    self.maxResponseBytes = maxResponseBytes
    self.maxStreamedResponseBytes = maxStreamedResponseBytes
    self.onReport = onReport
  }

  /// The ARN the server presents as the invoked function.
  public var functionArn: String {
    "arn:aws:lambda:\(region):000000000000:function:\(functionName)"
  }

  /// The environment a function process needs to talk to a server listening on `port`.
  public func functionEnvironment(port: Int) -> [String: String] {
    [
      "AWS_LAMBDA_RUNTIME_API": "\(host):\(port)",
      "AWS_LAMBDA_FUNCTION_NAME": functionName,
      "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
      "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(memoryMB),
      "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(functionName)",
      "AWS_LAMBDA_LOG_STREAM_NAME": "local",
      "AWS_REGION": region,
      "AWS_DEFAULT_REGION": region,
    ]
  }
}
