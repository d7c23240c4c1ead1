import HTTPClient
import HTTPConnection
import Logging
import NIOCore
import NIOHTTP1
import SharedSupport
import SigV4
import Synchronization

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Sends signed JSON 1.0 requests with retries, deadline, checksum verification and clock-skew correction.
final class DynamoDBTransport: Sendable {
  let httpClient: HTTP1Client
  let ownsHTTPClient: Bool
  let signer: SigV4Signer
  let credentials: any CredentialProvider
  let endpoint: String
  /// `nil` when `endpoint` is not an http(s) URL; every request then fails at once.
  private let parsedEndpoint: DynamoDBEndpoint?
  let retryPolicy: RetryPolicy
  let retryQuota: RetryQuota?
  let logger: Logger
  /// Seconds to add to the local clock when signing, learnt from the server's `Date` header.
  private let clockSkew = Mutex<Double>(0)
  private let isShutDown = Atomic<Bool>(false)

  init(
    httpClient: HTTP1Client, ownsHTTPClient: Bool, signer: SigV4Signer, credentials: any CredentialProvider,
    endpoint: String, retryPolicy: RetryPolicy, logger: Logger
  ) {
    self.httpClient = httpClient
    self.ownsHTTPClient = ownsHTTPClient
    self.signer = signer
    self.credentials = credentials
    self.endpoint = endpoint
    self.parsedEndpoint = DynamoDBEndpoint(endpoint)
    self.retryPolicy = retryPolicy
    self.retryQuota = retryPolicy.retryQuota.map(RetryQuota.init(capacity:))
    self.logger = logger
  }

  func shutdown() async throws {
    guard !isShutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
    if ownsHTTPClient { await httpClient.shutdown() }
  }

  /// Encodes `input`, sends it as `operation` and decodes the answer.
  func perform<Input: Encodable, Output: Decodable>(_ operation: String, _ input: Input) async throws -> Output {
    let body: [UInt8]
    if let writable = input as? any JSONWritable {
      var writer = JSONWriter()
      writable.write(to: &writer)
      body = writer.bytes
    } else {
      do {
        body = Array(try JSONEncoder().encode(input))
      } catch {
        throw DynamoDBError.invalidRequest("\(operation): \(error)")
      }
    }
    let response = try await send(operation, body: body)
    if let readable = Output.self as? any ItemJSONReadable.Type, let output = readable.read(response) as? Output {
      return output
    }
    do {
      return try JSONDecoder().decode(Output.self, from: Data(response))
    } catch {
      throw DynamoDBError.invalidResponse("\(operation): \(error)")
    }
  }

  /// Sends one operation, retrying per the policy; returns the verified response body.
  func send(_ operation: String, body: [UInt8]) async throws -> [UInt8] {
    guard !isShutDown.load(ordering: .acquiring) else { throw DynamoDBError.clientShutDown }
    guard let parsedEndpoint else {
      throw DynamoDBError.invalidRequest("the endpoint '\(endpoint)' is not an absolute http(s) URL")
    }
    let deadline = DynamoDBDeadline.current
    let traceHeader = DynamoDBTraceHeader.sendable
    var attempts = 0
    var correctedSkew = false
    var lastError: DynamoDBError?
    var quotaSpent = 0
    while true {
      attempts += 1
      let outcome: AttemptOutcome
      do {
        outcome = try await attempt(
          operation, to: parsedEndpoint, body: body, deadline: deadline, traceHeader: traceHeader, attempts: attempts)
      } catch DynamoDBError.deadlineExceeded(let count, let detail) {
        throw DynamoDBError.deadlineExceeded(attempts: count, lastError: lastError?.description ?? detail)
      }
      if case .failure(let error, _) = outcome { lastError = error }
      switch outcome {
      case .success(let bytes):
        retryQuota?.release(quotaSpent > 0 ? quotaSpent : RetryQuota.successRefund)
        return bytes
      case .failure(let error, .never):
        throw error
      case .failure(let error, .afterClockCorrection(let serverDate)):
        guard !correctedSkew else { throw error }
        correctedSkew = true
        attempts -= 1
        let skew = serverDate.timeIntervalSinceNow
        clockSkew.withLock { $0 = skew }
        logger.warning("DynamoDB clock skew corrected", metadata: ["operation": "\(operation)", "skew_s": "\(skew)"])
      case .failure(let error, .withBackoff):
        guard attempts < retryPolicy.maxAttempts else { throw error }
        let delay = retryPolicy.backoff(retry: attempts)
        if let deadline, ContinuousClock.now.advanced(by: delay) >= deadline {
          throw DynamoDBError.deadlineExceeded(attempts: attempts, lastError: error.description)
        }
        if let retryQuota {
          let cost = if case .transport = error { RetryQuota.transportRetryCost } else { RetryQuota.retryCost }
          guard retryQuota.acquire(cost) else {
            logger.debug("DynamoDB retry quota exhausted", metadata: ["operation": "\(operation)"])
            throw error
          }
          quotaSpent = cost
        }
        logger.debug(
          "DynamoDB retry", metadata: ["operation": "\(operation)", "attempt": "\(attempts)", "error": "\(error)"])
        try await Task.sleep(for: delay)
      }
    }
  }

  private func attempt(
    _ operation: String, to endpoint: DynamoDBEndpoint, body: [UInt8], deadline: ContinuousClock.Instant?,
    traceHeader: String?, attempts: Int
  ) async throws -> AttemptOutcome {
    var timeout = retryPolicy.attemptTimeout
    if let deadline {
      let remaining = ContinuousClock.now.duration(to: deadline)
      guard remaining > .zero else { throw DynamoDBError.deadlineExceeded(attempts: attempts - 1, lastError: nil) }
      timeout = min(timeout, remaining)
    }
    var headers = try await signedHeaders(operation, to: endpoint, body: body)
    // Not signed, as the AWS SDKs leave it out of the signature too: tracing is not part of the request's meaning.
    if let traceHeader { headers.add(name: DynamoDBTraceHeader.name, value: traceHeader) }
    let response: HTTP1Response
    do {
      response = try await httpClient.execute(
        .POST, origin: endpoint.origin, target: endpoint.requestTarget, headers: headers, body: body,
        timeout: timeout)
    } catch let error as CancellationError {
      throw error
    } catch HTTP1ConnectionError.invalidRequest(let reason) {
      // Sending it again would fail again.
      throw DynamoDBError.invalidRequest(reason)
    } catch {
      if let deadline, ContinuousClock.now >= deadline {
        throw DynamoDBError.deadlineExceeded(attempts: attempts, lastError: "\(error)")
      }
      return .failure(.transport("\(error)"), .withBackoff)
    }
    if let header = response.headers.first(name: "x-amz-crc32"), let expected = UInt32(header) {
      let actual = CRC32.checksum(response.body)
      if actual != expected { return .failure(.checksumMismatch(expected: expected, actual: actual), .withBackoff) }
    }
    guard response.status != 200 else { return .success(response.body) }
    let error = ServiceErrorParser.parse(status: response.status, headers: response.headers, body: response.body)
    return .failure(.service(error), RetryClassifier.classify(error, serverDate: response.headers.first(name: "Date")))
  }

  private func signedHeaders(_ operation: String, to endpoint: DynamoDBEndpoint, body: [UInt8]) async throws
    -> HTTPHeaders
  {
    let credentials: Credentials
    do {
      credentials = try await self.credentials.credentials()
    } catch {
      throw DynamoDBError.credentials("\(error)")
    }
    let request = SigningRequest(
      method: "POST", path: endpoint.path, query: endpoint.query,
      headers: [
        ("Host", endpoint.origin.authority), ("Content-Type", "application/x-amz-json-1.0"),
        ("X-Amz-Target", "DynamoDB_20120810.\(operation)"),
      ], payload: .bytes(body))
    let skew = clockSkew.withLock { $0 }
    let signed = signer.sign(request, credentials: credentials, date: Date().addingTimeInterval(skew))
    var headers = HTTPHeaders()
    headers.reserveCapacity(request.headers.count + signed.addedHeaders.count)
    for header in request.headers { headers.add(name: header.name, value: header.value) }
    for header in signed.addedHeaders { headers.add(name: header.name, value: header.value) }
    return headers
  }
}
