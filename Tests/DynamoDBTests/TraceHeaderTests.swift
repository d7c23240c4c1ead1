import DynamoDB
import DynamoDBTestSupport
import Testing

/// Each request carries the trace header of the task that made it, on the wire, and nothing when there is none.
@Suite("X-Amzn-Trace-Id on DynamoDB requests", .enabled(if: TestServer.isAvailable, "set DYNAMODB_ENDPOINT"))
struct TraceHeaderTests {
  private static func traceHeader(_ number: Int) -> String {
    "Root=1-67891233-abcdef012345678912345\(String(number, radix: 16));Parent=53995c3f42cd8ad8;Sampled=1"
  }

  @Test func everyRequestCarriesItsOwnTasksTraceHeaderEvenWhenTasksRunAtOnce() async throws {
    let upstream = try TestServer.requireEndpoint()
    try await TestServer.withTable("trace") { _, table in
      try await FaultProxy.run(upstream: upstream, plan: { _ in nil }) { proxy in
        try await TestServer.withClient(endpoint: proxy.endpoint) { client in
          // No trace header in the task: none on the wire.
          _ = try await client.getItem(GetItemInput(tableName: table, key: ["pk": "none", "sk": 0]))
          try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<8 {
              group.addTask {
                try await DynamoDBTraceHeader.$current.withValue(Self.traceHeader(number)) {
                  _ = try await client.putItem(
                    PutItemInput(tableName: table, item: ["pk": "trace", "sk": .number(number)]))
                }
              }
            }
            try await group.waitForAll()
          }
        }
        let received = proxy.received.filter { $0.target.hasSuffix(".PutItem") || $0.target.hasSuffix(".GetItem") }
        #expect(received.count == 9)
        #expect(received.first?.traceHeader == nil)
        for request in received.dropFirst() {
          let number = try #require(
            (0..<8).first { request.body.contains(#""sk":{"N":"\#($0)"}"#) }, "which item: \(request.body)")
          #expect(request.traceHeader == Self.traceHeader(number))
        }
      }
    }
  }

  @Test func aHeaderThatCouldBreakTheRequestIsLeftOut() async throws {
    let upstream = try TestServer.requireEndpoint()
    try await FaultProxy.run(upstream: upstream, plan: { _ in nil }) { proxy in
      try await TestServer.withClient(endpoint: proxy.endpoint) { client in
        try await DynamoDBTraceHeader.$current.withValue("Root=1-a\r\nX-Injected: yes") {
          _ = try await client.listTables()
        }
      }
      #expect(proxy.received.count == 1)
      #expect(proxy.received.first?.traceHeader == nil)
    }
  }
}
