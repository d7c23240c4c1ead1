import Foundation
import Synchronization
import Testing

@testable import SigV4

@Suite struct CredentialChainCachingTests {
  @Test func chainCachesAndRefreshesBeforeExpiry() async throws {
    let clock = TestClock()
    let provider = CountingProvider(lifetime: 3600, clock: clock)
    let chain = CredentialChain(providers: [provider], now: { clock.now })
    let first = try await chain.credentials()
    let second = try await chain.credentials()
    #expect(first == second)
    #expect(provider.calls == 1)

    clock.advance(by: 3600 - 200)  // inside the five-minute refresh window
    let refreshed = try await chain.credentials()
    #expect(provider.calls == 2)
    #expect(refreshed.accessKeyId == "AKID2")
  }

  @Test func concurrentCallersShareOneRefresh() async throws {
    let clock = TestClock()
    let provider = CountingProvider(lifetime: 3600, clock: clock)
    let chain = CredentialChain(providers: [provider], now: { clock.now })
    try await withThrowingTaskGroup(of: Credentials.self) { group in
      for _ in 0..<20 { group.addTask { try await chain.credentials() } }
      for try await credentials in group { #expect(credentials.accessKeyId == "AKID1") }
    }
    #expect(provider.calls == 1)
  }
}

/// Issues numbered credentials that expire `lifetime` seconds after the current test clock.
final class CountingProvider: CredentialProvider {
  private let counter = Mutex(0)
  let lifetime: TimeInterval
  let clock: TestClock

  init(lifetime: TimeInterval, clock: TestClock) {
    self.lifetime = lifetime
    self.clock = clock
  }

  var calls: Int { counter.withLock { $0 } }

  func credentials() async throws -> Credentials {
    let number = counter.withLock { value in
      value += 1
      return value
    }
    try await Task.sleep(for: .milliseconds(10))
    let expiry = clock.now + lifetime
    return Credentials(accessKeyId: "AKID\(number)", secretAccessKey: "s", expiration: expiry)
  }
}

/// A settable clock for expiry tests.
final class TestClock: Sendable {
  private let value = Mutex(Date(timeIntervalSince1970: 1_000_000))

  var now: Date { value.withLock { $0 } }

  func advance(by seconds: TimeInterval) {
    value.withLock { $0 += seconds }
  }
}
