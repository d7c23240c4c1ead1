import NIOHTTP1

extension Invocation {
  /// Reads a `/next` answer: the `Lambda-Runtime-*` headers and the event body.
  ///
  /// Separate from the connection so that every header Lambda (or anything posing as it) sends can be tested and
  /// fuzzed without a socket.
  init(headers: HTTPHeaders, body: [UInt8]) throws(RuntimeAPIError) {
    guard let requestId = headers.first(name: "Lambda-Runtime-Aws-Request-Id"), !requestId.isEmpty else {
      throw .missingHeader("Lambda-Runtime-Aws-Request-Id")
    }
    guard let deadline = headers.first(name: "Lambda-Runtime-Deadline-Ms").flatMap({ Int64($0) }) else {
      throw .missingHeader("Lambda-Runtime-Deadline-Ms")
    }
    self.init(
      requestId: requestId,
      deadline: deadline,
      invokedFunctionArn: headers.first(name: "Lambda-Runtime-Invoked-Function-Arn") ?? "",
      traceId: headers.first(name: "Lambda-Runtime-Trace-Id"),
      clientContext: headers.first(name: "Lambda-Runtime-Client-Context"),
      cognitoIdentity: headers.first(name: "Lambda-Runtime-Cognito-Identity"),
      tenantId: headers.first(name: "Lambda-Runtime-Aws-Tenant-Id"),
      event: body
    )
  }
}
