import DynamoDB
import DynamoDBTestSupport
import Foundation
import Synchronization
import Testing

@Suite(
  "Retries, checksums, deadlines and clock skew through a faulty proxy",
  .enabled(if: TestServer.isAvailable, "set DYNAMODB_ENDPOINT"))
struct FaultInjectionTests {
  static let fastRetries = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(2), maxDelay: .milliseconds(20))

  @Test func everyFaultKindIsRetriedAndDataIsExact() async throws {
    let upstream = try TestServer.requireEndpoint()
    try await TestServer.withTable("faults") { direct, table in
      // Every odd request fails, cycling through the fault kinds; the retry after it succeeds.
      let kinds: [FaultProxy.Fault] = [.internalError, .throttle, .dropConnection, .corruptCRC]
      try await FaultProxy.run(upstream: upstream, plan: { $0 % 2 == 0 ? kinds[($0 / 2) % kinds.count] : nil }) {
        proxy in
        try await TestServer.withClient(endpoint: proxy.endpoint, retryPolicy: Self.fastRetries) { client in
          for sk in 0..<12 {
            _ = try await client.putItem(
              PutItemInput(tableName: table, item: ["pk": "f", "sk": .number(sk), "v": .number(sk * 7)]))
          }
          var writer = BatchWriter(client: client)
          for sk in 100..<160 { try writer.put(["pk": "f", "sk": .number(sk), "v": .number(sk * 7)], into: table) }
          try await writer.flush()
          let page = try await client.query(
            QueryInput(tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "f"]))
          #expect(page.count == 72)
        }
        #expect(proxy.received.count == 2 * (12 + 3 + 1))
      }
      let stored = try await direct.queryPaginator(
        QueryInput(tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "f"])
      ).items()
      let expected = (Array(0..<12) + Array(100..<160)).map { sk -> Item in
        ["pk": "f", "sk": .number(sk), "v": .number(sk * 7)]
      }
      #expect(stored == expected, "no loss, no duplicates, exact values")
    }
  }

  @Test func persistentChecksumFailureSurfacesAsAnError() async throws {
    let upstream = try TestServer.requireEndpoint()
    try await FaultProxy.run(upstream: upstream, plan: { _ in .corruptCRC }) { proxy in
      let error = try await TestServer.withClient(endpoint: proxy.endpoint, retryPolicy: Self.fastRetries) { client in
        await #expect(throws: DynamoDBError.self) { try await client.listTables() }
      }
      guard case .checksumMismatch = error else {
        Issue.record("expected checksumMismatch, got \(String(describing: error))")
        return
      }
      #expect(proxy.received.count == 5, "retried up to maxAttempts")
    }
  }

  @Test func nonRetryableErrorsReturnAtOnce() async throws {
    let upstream = try TestServer.requireEndpoint()
    try await FaultProxy.run(upstream: upstream, plan: { _ in .validation }) { proxy in
      let error = try await TestServer.withClient(endpoint: proxy.endpoint, retryPolicy: Self.fastRetries) { client in
        await #expect(throws: DynamoDBError.self) { try await client.listTables() }
      }
      #expect(error?.code == .validation)
      #expect(proxy.received.count == 1)
    }
  }

  @Test func retryQuotaStopsRetriesUntilSuccessesRefillIt() async throws {
    let upstream = try TestServer.requireEndpoint()
    // Requests 0-3 fail, 4-8 succeed, 9 and later fail.
    try await FaultProxy.run(upstream: upstream, plan: { (4...8).contains($0) ? nil : .internalError }) { proxy in
      let policy = RetryPolicy(
        maxAttempts: 10, baseDelay: .milliseconds(1), maxDelay: .milliseconds(2), retryQuota: 10)
      try await TestServer.withClient(endpoint: proxy.endpoint, retryPolicy: policy) { client in
        let first = await #expect(throws: DynamoDBError.self) { try await client.listTables() }
        #expect(first?.code == .internalServerError)
        #expect(proxy.received.count == 3, "two retries of 5 tokens spend a quota of 10")
        await #expect(throws: DynamoDBError.self) { try await client.listTables() }
        #expect(proxy.received.count == 4, "an empty quota allows no retry")
        for _ in 0..<5 { _ = try await client.listTables() }
        await #expect(throws: DynamoDBError.self) { try await client.listTables() }
        #expect(proxy.received.count == 11, "five successes refund one retry")
      }
    }
  }

  @Test func retriesStopAtTheCallersDeadline() async throws {
    let upstream = try TestServer.requireEndpoint()
    try await FaultProxy.run(upstream: upstream, plan: { _ in .internalError }) { proxy in
      let patient = RetryPolicy(maxAttempts: 1000, baseDelay: .milliseconds(40), maxDelay: .milliseconds(80))
      let start = ContinuousClock.now
      let error = try await TestServer.withClient(endpoint: proxy.endpoint, retryPolicy: patient) { client in
        await #expect(throws: DynamoDBError.self) {
          try await DynamoDBDeadline.run(until: start.advanced(by: .milliseconds(1500))) {
            try await client.listTables()
          }
        }
      }
      let elapsed = ContinuousClock.now - start
      guard case .deadlineExceeded(let attempts, let last) = error else {
        Issue.record("expected deadlineExceeded, got \(String(describing: error))")
        return
      }
      #expect(attempts > 1)
      #expect(last?.contains("InternalServerError") == true)
      // A 1.5 s deadline leaves room for many 40–80 ms retries even on 2 loaded cores; the slack covers the
      // client's creation and shutdown, also timed here. Without the deadline, 1000 attempts take over 40 s.
      #expect(elapsed < .milliseconds(2000), "never sleeps past the deadline")
    }
  }

  @Test func clockSkewIsCorrectedFromTheDateHeaderOnce() async throws {
    let upstream = try TestServer.requireEndpoint()
    let serverNow = Date().addingTimeInterval(3600)
    try await FaultProxy.run(upstream: upstream, plan: { $0 == 0 ? .signatureExpired(serverDate: serverNow) : nil }) {
      proxy in
      try await TestServer.withClient(endpoint: proxy.endpoint, retryPolicy: .none) { client in
        _ = try await client.listTables()
        _ = try await client.listTables()
      }
      let dates = proxy.received.map(\.amzDate)
      #expect(dates.count == 3, "one rejected attempt, its corrected retry, then a normal call")
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "UTC")
      formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
      let signed = dates.compactMap { formatter.date(from: $0) }
      #expect(signed.count == 3)
      #expect(abs(signed[0].timeIntervalSinceNow) < 120)
      #expect(abs(signed[1].timeIntervalSince(serverNow)) < 120, "retry is signed with the server's clock")
      #expect(abs(signed[2].timeIntervalSince(serverNow)) < 120, "the correction sticks")
    }
  }
}
