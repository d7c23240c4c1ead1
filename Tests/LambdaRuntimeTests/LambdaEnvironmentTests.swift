import Logging
import SharedSupport
import Testing

@testable import LambdaRuntime

@Suite("LambdaEnvironment")
struct LambdaEnvironmentTests {
  private let environment = LambdaEnvironment([
    "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001", "AWS_LAMBDA_FUNCTION_NAME": "carbon",
    "AWS_LAMBDA_FUNCTION_VERSION": "7",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512", "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/carbon",
    "AWS_LAMBDA_LOG_STREAM_NAME": "2026/11/26/[7]abc", "_HANDLER": "bootstrap",
  ])

  @Test func readsTheFunctionSettings() {
    #expect(environment.runtimeAPI == "127.0.0.1:9001")
    #expect(environment.memoryLimitMB == 512)
  }

  @Test func contextCarriesEveryHeaderAndDecodesJSONOnes() {
    let invocation = Invocation(
      requestId: "req", deadline: WallClock.nowMilliseconds() + 10_000,
      invokedFunctionArn: "arn:aws:lambda:eu-west-1:1:function:carbon:live", traceId: "Root=1-a",
      clientContext: #"{"client":{"app_title":"App","installation_id":"i-1"},"custom":{"k":"v"},"env":{"os":"ios"}}"#,
      cognitoIdentity: #"{"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool-1"}"#, tenantId: "tenant-9",
      event: [])
    let context = environment.context(for: invocation, isColdStart: true, logger: Logger(label: "t"))
    #expect(context.requestId == "req")
    #expect(context.invokedFunctionArn.hasSuffix(":live"))
    #expect(context.traceId == "Root=1-a")
    #expect(context.tenantId == "tenant-9")
    #expect(context.clientContext?.client?.appTitle == "App")
    #expect(context.clientContext?.client?.installationId == "i-1")
    #expect(context.clientContext?.custom == ["k": "v"])
    #expect(context.clientContext?.env == ["os": "ios"])
    #expect(
      context.cognitoIdentity == LambdaCognitoIdentity(cognitoIdentityId: "id-1", cognitoIdentityPoolId: "pool-1"))
    #expect(context.functionName == "carbon")
    #expect(context.functionVersion == "7")
    #expect(context.logStreamName == "2026/11/26/[7]abc")
    #expect(context.isColdStart)
    #expect(context.remainingTime > .seconds(9) && context.remainingTime <= .seconds(10))
    #expect(context.logger[metadataKey: "requestId"] == "req")
    #expect(context.logger[metadataKey: "traceId"] == "Root=1-a")
  }

  @Test func undecodableClientContextIsDropped() {
    let invocation = Invocation(
      requestId: "r", deadline: 0, invokedFunctionArn: "", traceId: nil, clientContext: "{oops",
      cognitoIdentity: nil, tenantId: nil, event: [])
    let context = environment.context(for: invocation, isColdStart: false, logger: Logger(label: "t"))
    #expect(context.clientContext == nil)
    #expect(context.logger[metadataKey: "traceId"] == nil)
  }
}
