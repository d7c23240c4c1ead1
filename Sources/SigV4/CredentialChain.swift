import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Tries providers in order, caches what the first one that answers returns, and refreshes expiring
/// credentials ahead of time; concurrent callers share one refresh.
public actor CredentialChain: CredentialProvider {
  /// Credentials are refreshed when they expire within this window.
  public static let refreshWindow: Duration = .seconds(300)

  private let providers: [any CredentialProvider]
  private let now: @Sendable () -> Date
  private var cached: Credentials?
  private var refresh: Task<Credentials, any Error>?

  public init(providers: [any CredentialProvider], now: @escaping @Sendable () -> Date = { Date() }) {
    self.providers = providers
    self.now = now
  }

  /// Environment variables, then the shared credentials/config files, then the container endpoint when an
  /// HTTP client is given.
  public static func makeDefault(
    environment: [String: String] = ProcessEnvironment.current(),
    httpClient: (any CredentialHTTPClient)? = nil
  ) -> CredentialChain {
    var providers: [any CredentialProvider] = [
      EnvironmentCredentialProvider(environment: environment),
      ProfileCredentialProvider(environment: environment),
    ]
    if let httpClient {
      providers.append(ContainerCredentialProvider(environment: environment, httpClient: httpClient))
    }
    return CredentialChain(providers: providers)
  }

  public func credentials() async throws -> Credentials {
    let instant = now()
    if let cached, !cached.expires(within: Self.refreshWindow, of: instant) { return cached }
    let task: Task<Credentials, any Error>
    if let refresh {
      task = refresh
    } else {
      task = Task { try await self.resolve() }
      refresh = task
    }
    defer { refresh = nil }
    do {
      let fresh = try await task.value
      cached = fresh
      return fresh
    } catch {
      // A failed early refresh still leaves usable credentials until they really expire.
      if let cached, !cached.expires(within: .zero, of: instant) { return cached }
      throw error
    }
  }

  private func resolve() async throws -> Credentials {
    var tried: [String] = []
    for provider in providers {
      do {
        return try await provider.credentials()
      } catch let error as CredentialError {
        tried.append(error.description)
      }
    }
    throw CredentialError.noneFound(tried: tried)
  }
}
