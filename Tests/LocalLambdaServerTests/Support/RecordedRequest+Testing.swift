import Foundation
import LambdaRuntime
import LocalLambdaServer

extension RecordedRequest {
  /// The body parsed as a JSON object, or nil.
  var jsonObject: [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
  }
}

extension Array where Element == RecordedRequest {
  /// Method and path of each request, e.g. `GET /2018-06-01/runtime/invocation/next`.
  var lines: [String] { map { "\($0.method) \($0.path)" } }
}

extension LocalInvocationResult {
  /// The body parsed as a JSON object, or nil.
  var jsonObject: [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
  }
}
