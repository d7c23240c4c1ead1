/// One event as `/next` delivered it: the `Lambda-Runtime-*` headers and the body.
struct Invocation: Sendable {
  var requestId: String
  var deadline: Int64
  var invokedFunctionArn: String
  var traceId: String?
  var clientContext: String?
  var cognitoIdentity: String?
  var tenantId: String?
  var event: [UInt8]
}
