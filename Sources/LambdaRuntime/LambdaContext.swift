import Logging

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Everything a handler knows about the invocation it is serving.
public struct LambdaContext: Sendable {
  /// The AWS request id of this invocation.
  public var requestId: String
  /// When Lambda ends the invocation (`Lambda-Runtime-Deadline-Ms`, read on this machine's continuous clock).
  public var deadline: ContinuousClock.Instant
  /// The ARN the caller used to invoke the function (may carry a version or alias).
  public var invokedFunctionArn: String
  /// The X-Ray trace header of this invocation, if any: pass it on to the AWS calls the handler makes.
  public var traceId: String?
  /// The mobile client context, decoded from `Lambda-Runtime-Client-Context`.
  public var clientContext: LambdaClientContext?
  /// The Cognito identity of the caller, decoded from `Lambda-Runtime-Cognito-Identity`.
  public var cognitoIdentity: LambdaCognitoIdentity?
  /// The tenant id for tenant-isolated functions, if any.
  public var tenantId: String?
  /// The function's name (`AWS_LAMBDA_FUNCTION_NAME`).
  public var functionName: String
  /// The function's version (`AWS_LAMBDA_FUNCTION_VERSION`).
  public var functionVersion: String
  /// The memory configured for the function, in MB (`AWS_LAMBDA_FUNCTION_MEMORY_SIZE`).
  public var memoryLimitMB: Int
  /// The CloudWatch log group (`AWS_LAMBDA_LOG_GROUP_NAME`).
  public var logGroupName: String
  /// The CloudWatch log stream (`AWS_LAMBDA_LOG_STREAM_NAME`).
  public var logStreamName: String
  /// Whether this is the first invocation served by this process.
  public var isColdStart: Bool
  /// A logger whose lines carry this invocation's request and trace ids.
  public var logger: Logger

  /// Creates a context; the defaults suit a local, in-process invocation with five minutes to run.
  public init(
    requestId: String = UUID().uuidString.lowercased(),
    deadline: ContinuousClock.Instant = .now.advanced(by: .seconds(300)),
    invokedFunctionArn: String = "arn:aws:lambda:us-east-1:000000000000:function:local",
    traceId: String? = nil,
    clientContext: LambdaClientContext? = nil,
    cognitoIdentity: LambdaCognitoIdentity? = nil,
    tenantId: String? = nil,
    functionName: String = "local",
    functionVersion: String = "$LATEST",
    memoryLimitMB: Int = 128,
    logGroupName: String = "/aws/lambda/local",
    logStreamName: String = "local",
    isColdStart: Bool = false,
    logger: Logger = Logger(label: "lambda")
  ) {
    self.requestId = requestId
    self.deadline = deadline
    self.invokedFunctionArn = invokedFunctionArn
    self.traceId = traceId
    self.clientContext = clientContext
    self.cognitoIdentity = cognitoIdentity
    self.tenantId = tenantId
    self.functionName = functionName
    self.functionVersion = functionVersion
    self.memoryLimitMB = memoryLimitMB
    self.logGroupName = logGroupName
    self.logStreamName = logStreamName
    self.isColdStart = isColdStart
    self.logger = logger
  }

  /// Time left until the deadline (negative once it has passed).
  public var remainingTime: Duration {
    ContinuousClock.now.duration(to: deadline)
  }
}
