import Logging
import NIOHTTP1
import Testing

@testable import LambdaRuntime

@Suite("Invocation from /next headers")
struct InvocationHeadersTests {
  @Test func readsEveryRuntimeHeaderWhateverItsCase() throws {
    let headers: HTTPHeaders = [
      "lambda-runtime-aws-request-id": "req-1", "LAMBDA-RUNTIME-DEADLINE-MS": "1900000000000",
      "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:1:function:f",
      "Lambda-Runtime-Trace-Id": "Root=1-a", "Lambda-Runtime-Client-Context": "{}",
      "Lambda-Runtime-Cognito-Identity": "{}", "Lambda-Runtime-Aws-Tenant-Id": "t-1",
    ]
    let invocation = try Invocation(headers: headers, body: [1, 2])
    #expect(invocation.requestId == "req-1")
    #expect(invocation.deadline == 1_900_000_000_000)
    #expect(invocation.invokedFunctionArn == "arn:aws:lambda:us-east-1:1:function:f")
    #expect(invocation.traceId == "Root=1-a")
    #expect(invocation.clientContext == "{}")
    #expect(invocation.cognitoIdentity == "{}")
    #expect(invocation.tenantId == "t-1")
    #expect(invocation.event == [1, 2])
  }

  @Test func theFirstOfARepeatedHeaderCountsAndLookalikeNamesDoNot() throws {
    let headers: HTTPHeaders = [
      "Lambda\rRuntime-Aws-Request-Id": "forged", "Lambda-Runtime-Aws-Request-Id": "first",
      "lambda-runtime-aws-request-id": "second", "Lambda-Runtime-Deadline-Ms": "1",
      "Lambda-Runtime-Trace-Id-Extra": "x",
    ]
    let invocation = try Invocation(headers: headers, body: [])
    #expect(invocation.requestId == "first")
    #expect(invocation.traceId == nil)
  }

  @Test func optionalHeadersMayBeAbsent() throws {
    let invocation = try Invocation(
      headers: ["Lambda-Runtime-Aws-Request-Id": "r", "Lambda-Runtime-Deadline-Ms": "0"], body: [])
    #expect(invocation.invokedFunctionArn == "")
    #expect(invocation.traceId == nil && invocation.clientContext == nil && invocation.tenantId == nil)
  }

  /// Found by the FuzzRuntimeAPI fuzz target (Tests/Fuzz): a deadline near Int64.min trapped when the context
  /// subtracted the current time from it (LambdaEnvironment now saturates instead).
  @Test(arguments: [
    ("-9223372036854775808", false), ("-1", false), ("9223372036854775807", true), ("1900000000000", true),
  ])
  func anyDeadlineBecomesAContextWithoutTrapping(deadline: String, isAhead: Bool) throws {
    let headers: HTTPHeaders = ["Lambda-Runtime-Aws-Request-Id": "r", "Lambda-Runtime-Deadline-Ms": deadline]
    let invocation = try Invocation(headers: headers, body: [])
    let context = LambdaEnvironment([:]).context(for: invocation, isColdStart: false, logger: Logger(label: "t"))
    #expect((context.remainingTime > .zero) == isAhead)
  }

  /// Header sets lacking a usable request id or deadline, and the header each lacks.
  static let incomplete: [(headers: [(String, String)], missing: String)] = [
    ([], "Lambda-Runtime-Aws-Request-Id"),
    ([("Lambda-Runtime-Aws-Request-Id", ""), ("Lambda-Runtime-Deadline-Ms", "1")], "Lambda-Runtime-Aws-Request-Id"),
    ([("Lambda-Runtime-Aws-Request-Id", "r")], "Lambda-Runtime-Deadline-Ms"),
    ([("Lambda-Runtime-Aws-Request-Id", "r"), ("Lambda-Runtime-Deadline-Ms", "soon")], "Lambda-Runtime-Deadline-Ms"),
  ]

  @Test(arguments: incomplete)
  func aMissingOrUnreadableRequiredHeaderIsNamed(headers: [(String, String)], missing: String) {
    #expect(throws: RuntimeAPIError.missingHeader(missing)) { try Invocation(headers: HTTPHeaders(headers), body: []) }
  }
}
