/// The Runtime API paths a runtime uses.
package enum RuntimePath {
  package static let next = "GET /2018-06-01/runtime/invocation/next"
  package static let initError = "POST /2018-06-01/runtime/init/error"

  package static func response(_ requestId: String) -> String {
    "POST /2018-06-01/runtime/invocation/\(requestId)/response"
  }

  package static func error(_ requestId: String) -> String {
    "POST /2018-06-01/runtime/invocation/\(requestId)/error"
  }
}

/// The `Lambda-Runtime-Function-Error-Type` grammar from the Runtime API documentation.
package func isValidErrorType(_ value: String?) -> Bool {
  guard let value else { return false }
  return value.wholeMatch(of: /(Runtime|Function)\.[A-Z][a-zA-Z]+/) != nil
}
