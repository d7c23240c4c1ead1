import HTTPClient
import Logging
import SharedSupport
import SigV4

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A DynamoDB client speaking the JSON 1.0 protocol over `HTTP1Client` (keep-alive HTTP/1.1, TLS), signing with SigV4.
/// Share one instance across handlers; call `shutdown()` once when done.
public struct DynamoDBClient: Sendable {
  let transport: DynamoDBTransport

  public var region: String { transport.signer.region }
  /// The service URL requests go to.
  public var endpoint: String { transport.endpoint }

  /// A client; every argument defaults from the environment: `AWS_REGION` (then `AWS_DEFAULT_REGION`, then
  /// `us-east-1`), the default credential chain, `DYNAMODB_ENDPOINT` (else `https://dynamodb.<region>.amazonaws.com`),
  /// and a new keep-alive HTTP client that `shutdown()` closes (one you pass in is left to you to shut down).
  public init(
    region: String? = nil, credentials: (any CredentialProvider)? = nil, endpoint: String? = nil,
    httpClient: HTTP1Client? = nil, retryPolicy: RetryPolicy = .standard,
    logger: Logger = Logger(label: "DynamoDB"),
    environment: [String: String] = ProcessEnvironment.current()
  ) {
    let region = region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? "us-east-1"
    let ownsHTTPClient = httpClient == nil
    let httpClient = httpClient ?? HTTP1Client()
    let credentials =
      credentials
      ?? CredentialChain.makeDefault(
        environment: environment, httpClient: HTTP1CredentialClient(httpClient: httpClient))
    let endpoint =
      endpoint ?? environment["DYNAMODB_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "https://dynamodb.\(region).amazonaws.com"
    transport = DynamoDBTransport(
      httpClient: httpClient, ownsHTTPClient: ownsHTTPClient, signer: SigV4Signer(region: region, service: "dynamodb"),
      credentials: credentials, endpoint: endpoint, retryPolicy: retryPolicy, logger: logger)
  }

  /// Closes connections (when the client created its own HTTP client). Call once, after the last request.
  public func shutdown() async throws {
    try await transport.shutdown()
  }
}
