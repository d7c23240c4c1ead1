import Foundation
import LambdaRuntime
import LocalLambdaServer
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("LocalLambdaServer over HTTP", .timeLimit(.minutes(1)))
struct LocalLambdaServerHTTPTests {
  private func post(_ server: LocalLambdaServer, _ path: String, _ body: String, headers: [String: String] = [:])
    async throws -> (status: Int, headers: [AnyHashable: Any], body: String)
  {
    var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(server.port)\(path)")))
    request.httpMethod = "POST"
    request.httpBody = Data(body.utf8)
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    return (http.statusCode, http.allHeaderFields, String(decoding: data, as: UTF8.self))
  }

  @Test func invokeEndpointReturnsTheResponseAndFlagsErrors() async throws {
    try await withTestFunction { server, _ in
      let path = "/2015-03-31/functions/function/invocations"
      let ok = try await post(server, path, #"{"ping":true}"#)
      #expect(ok.status == 200)
      #expect(ok.body == #"{"ping":true}"#)
      #expect(ok.headers["X-Amz-Function-Error"] == nil)

      let failed = try await post(server, path, #"{"action":"fail"}"#)
      #expect(failed.status == 200)
      #expect(failed.headers["X-Amz-Function-Error"] as? String == "Unhandled")
      #expect(failed.headers["X-Amz-Function-Error-Type"] as? String == "Function.TestFailure")
      #expect(failed.body.contains(#""errorType":"Function.TestFailure""#))
    }
  }

  @Test func runtimeAPIRejectsUnknownIdsAndPaths() async throws {
    let server = try await LocalLambdaServer.start(LocalLambdaConfiguration(port: 0))
    let unknown = try await post(server, "/2018-06-01/runtime/invocation/nope/response", "{}")
    #expect(unknown.status == 400)
    #expect(unknown.body.contains("InvalidRequestID"))
    let missing = try await post(server, "/2018-06-01/runtime/nothing", "{}")
    #expect(missing.status == 404)
    let oversized = try await post(
      server, "/2015-03-31/functions/function/invocations", String(repeating: "a", count: 6 * 1024 * 1024 + 1))
    #expect(oversized.status == 413)
    await server.shutdown()
  }
}
