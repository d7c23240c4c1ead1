import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The minimal HTTP GET the container provider needs; injected so that SigV4 depends on swift-crypto only.
public protocol CredentialHTTPClient: Sendable {
  func get(url: String, headers: [(String, String)]) async throws -> (status: Int, body: [UInt8])
}

/// Fetches temporary credentials from the container credentials endpoint (ECS, EKS Pod Identity, Lambda
/// SnapStart): `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` or `_FULL_URI`, with `AWS_CONTAINER_AUTHORIZATION_TOKEN`
/// or `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`.
public struct ContainerCredentialProvider: CredentialProvider {
  static let ecsHost = "http://169.254.170.2"
  static let allowedPlainHTTPHosts: Set<String> = [
    "169.254.170.2", "169.254.170.23", "[fd00:ec2::23]", "localhost", "[::1]",
  ]

  let environment: [String: String]
  let httpClient: any CredentialHTTPClient

  public init(
    environment: [String: String] = ProcessEnvironment.current(), httpClient: any CredentialHTTPClient
  ) {
    self.environment = environment
    self.httpClient = httpClient
  }

  public func credentials() async throws -> Credentials {
    let url = try endpoint()
    var headers: [(String, String)] = []
    if let token = try authorizationToken() { headers.append(("Authorization", token)) }
    let response: (status: Int, body: [UInt8])
    do {
      response = try await httpClient.get(url: url, headers: headers)
    } catch {
      throw CredentialError.failed(source: "container endpoint \(url)", reason: "request failed: \(error)")
    }
    guard response.status == 200 else {
      throw CredentialError.failed(source: "container endpoint \(url)", reason: "HTTP status \(response.status)")
    }
    return try Self.parse(response.body, source: url)
  }

  func endpoint() throws -> String {
    if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
      return Self.ecsHost + (relative.hasPrefix("/") ? relative : "/" + relative)
    }
    guard let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty else {
      throw CredentialError.notConfigured(
        "container endpoint: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor _FULL_URI is set")
    }
    guard let parts = RequestURL(full), parts.scheme == "https" || Self.isAllowedPlainHTTP(parts.hostName) else {
      throw CredentialError.failed(
        source: "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        reason: "'\(full)' must use https or a loopback/container host")
    }
    return full
  }

  func authorizationToken() throws -> String? {
    if let path = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"], !path.isEmpty {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw CredentialError.failed(source: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", reason: "cannot read \(path)")
      }
      return String(decoding: data, as: UTF8.self).trimmingSpaces().replacingNewlines()
    }
    return environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
  }

  static func isAllowedPlainHTTP(_ host: String) -> Bool {
    allowedPlainHTTPHosts.contains(host) || host.hasPrefix("127.")
  }

  private struct Response: Decodable {
    let accessKeyId: String
    let secretAccessKey: String
    let token: String?
    let expiration: String?

    enum CodingKeys: String, CodingKey {
      case accessKeyId = "AccessKeyId"
      case secretAccessKey = "SecretAccessKey"
      case token = "Token"
      case expiration = "Expiration"
    }
  }

  static func parse(_ body: [UInt8], source: String) throws -> Credentials {
    let response: Response
    do {
      response = try JSONDecoder().decode(Response.self, from: Data(body))
    } catch {
      throw CredentialError.failed(source: "container endpoint \(source)", reason: "unexpected response body")
    }
    var expiration: Date?
    if let text = response.expiration {
      expiration = ISO8601Instant.date(from: text)
      if expiration == nil {
        throw CredentialError.failed(source: "container endpoint \(source)", reason: "bad Expiration '\(text)'")
      }
    }
    return Credentials(
      accessKeyId: response.accessKeyId, secretAccessKey: response.secretAccessKey, sessionToken: response.token,
      expiration: expiration)
  }
}

extension String {
  fileprivate func replacingNewlines() -> String {
    String(filter { $0 != "\n" && $0 != "\r" })
  }
}
