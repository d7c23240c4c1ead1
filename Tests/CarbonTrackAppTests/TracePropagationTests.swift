import CarbonTrackTestSupport
import DynamoDBTestSupport
import Foundation
import Testing

/// Through the real bootstrap: the invocation's `Lambda-Runtime-Trace-Id` is on every DynamoDB request it makes.
@Suite(.enabled(if: TestEnvironment.integrationEnabled, "set DYNAMODB_ENDPOINT"), .timeLimit(.minutes(1)))
struct TracePropagationTests {
  @Test func eachInvocationsDynamoDBRequestsCarryItsTraceHeader() async throws {
    try await withStore("trace") { _, environment in
      try await FaultProxy.run(upstream: try TestEnvironment.requireEndpoint(), plan: { _ in nil }) { proxy in
        var functionEnvironment = environment
        functionEnvironment["DYNAMODB_ENDPOINT"] = proxy.endpoint
        try await RunningBootstrap.with(environment: functionEnvironment) { server in
          let traces = (1...2).map { "Root=1-67891233-abcdef01234567890000000\($0);Parent=53995c3f42cd8ad8;Sampled=1" }
          let created = try await server.invoke(
            Array(#"{"action":"createUser","userId":"trace-1","email":"t@example.com","displayName":"T"}"#.utf8),
            traceId: traces[0])
          #expect(created.isSuccess, "\(created.bodyText)")
          let seen = proxy.received.count
          #expect(seen > 0)
          let read = try await server.invoke(
            Array(#"{"action":"getUser","userId":"trace-1"}"#.utf8), traceId: traces[1])
          #expect(read.isSuccess, "\(read.bodyText)")
          let requests = proxy.received
          #expect(requests.count > seen)
          #expect(requests.prefix(seen).allSatisfy { $0.traceHeader == traces[0] }, "\(requests.map(\.traceHeader))")
          #expect(requests.dropFirst(seen).allSatisfy { $0.traceHeader == traces[1] }, "\(requests.map(\.traceHeader))")
        }
      }
    }
  }
}
