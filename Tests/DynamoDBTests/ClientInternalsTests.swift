import Foundation
import HTTPConnection
import NIOHTTP1
import SigV4
import Testing

@testable import DynamoDB

@Suite("Client internals: CRC32, HTTP dates, item size, error parsing, backoff")
struct ClientInternalsTests {
  @Test func crc32MatchesTheStandardCheckValue() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
  }

  @Test func parsesIMFFixdate() throws {
    let date = try #require(HTTPDate.parse("Thu, 26 Nov 2026 17:24:38 GMT"))
    #expect(date.timeIntervalSince1970 == 1_795_713_878)
    #expect(HTTPDate.parse("yesterday") == nil)
  }

  @Test func itemSizeCountsNamesAndValues() {
    #expect(ItemSize.of(["ab": .s("xyz")]) == 5)
    #expect(ItemSize.of(["n": .n("12345")]) == 1 + 4)
    #expect(ItemSize.of(["m": .m(["k": .bool(true)])]) == 1 + 3 + 1 + 1 + 1)
    #expect(ItemSize.of(["big": .s(String(repeating: "x", count: ItemSize.limit))]) > ItemSize.limit)
  }

  @Test func parsesJSONErrorsWithItemAndReasons() {
    let body = #"""
      {"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","Message":"cancelled",
      "CancellationReasons":[{"Code":"None"},{"Code":"ConditionalCheckFailed","Message":"failed","Item":{"pk":{"S":"a"}}}]}
      """#
    var headers = HTTPHeaders()
    headers.add(name: "x-amzn-RequestId", value: "REQ1")
    let error = ServiceErrorParser.parse(status: 400, headers: headers, body: Array(body.utf8))
    #expect(error.code == .transactionCanceled)
    #expect(error.message == "cancelled")
    #expect(error.requestId == "REQ1")
    #expect(error.cancellationReasons?.count == 2)
    #expect(error.cancellationReasons?[1].item == ["pk": .s("a")])
    #expect(DynamoDBError.service(error).isConditionalCheckFailed)
  }

  @Test func parsesXMLErrorsFromFrontEnds() {
    let body = """
      <?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Error><Code>SignatureDoesNotMatch</Code>\
      <Message>The request signature we calculated does not match</Message></Error><RequestId>R2</RequestId></ErrorResponse>
      """
    let error = ServiceErrorParser.parse(status: 403, headers: HTTPHeaders(), body: Array(body.utf8))
    #expect(error.code == .signatureDoesNotMatch)
    #expect(error.message == "The request signature we calculated does not match")
    #expect(error.requestId == "R2")
    #expect(error.description.contains("SignatureDoesNotMatch (HTTP 403)"))
  }

  @Test func unknownBodiesStillGiveAnActionableError() {
    let error = ServiceErrorParser.parse(status: 502, headers: HTTPHeaders(), body: Array("Bad gateway".utf8))
    #expect(error.code.rawValue == "HTTP502")
    #expect(error.message == "Bad gateway")
    #expect(RetryClassifier.classify(error, serverDate: nil) == .withBackoff)
  }

  @Test func classifiesRetries() {
    func error(_ code: String, _ status: Int = 400) -> DynamoDBServiceError {
      DynamoDBServiceError(code: DynamoDBErrorCode(rawValue: code), message: "", statusCode: status)
    }
    #expect(RetryClassifier.classify(error("ProvisionedThroughputExceededException"), serverDate: nil) == .withBackoff)
    #expect(RetryClassifier.classify(error("ThrottlingException"), serverDate: nil) == .withBackoff)
    #expect(RetryClassifier.classify(error("InternalServerError", 500), serverDate: nil) == .withBackoff)
    #expect(RetryClassifier.classify(error("ConditionalCheckFailedException"), serverDate: nil) == .never)
    #expect(RetryClassifier.classify(error("ValidationException"), serverDate: nil) == .never)
    let skewed = RetryClassifier.classify(
      error("InvalidSignatureException", 400), serverDate: "Thu, 01 Jan 2015 00:00:00 GMT")
    #expect(skewed == .afterClockCorrection(serverDate: Date(timeIntervalSince1970: 1_420_070_400)))
    let notSkewed = RetryClassifier.classify(error("InvalidSignatureException"), serverDate: nil)
    #expect(notSkewed == .never)
  }

  @Test func backoffIsFullJitterWithinTheCap() {
    let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .milliseconds(250))
    for _ in 0..<200 {
      #expect(policy.backoff(retry: 1) < .milliseconds(100))
      #expect(policy.backoff(retry: 6) < .milliseconds(250))
    }
    let samples = (0..<200).map { _ in policy.backoff(retry: 3) }
    #expect(Set(samples).count > 100, "jitter spreads the delays")
  }

  @Test func retryQuotaSpendsAndRefundsWithinItsCapacity() {
    let quota = RetryQuota(capacity: 12)
    #expect(quota.acquire(RetryQuota.transportRetryCost))
    #expect(!quota.acquire(RetryQuota.retryCost), "2 tokens left, a retry costs 5")
    #expect(quota.remaining == 2)
    quota.release(RetryQuota.retryCost)
    #expect(quota.acquire(RetryQuota.retryCost))
    quota.release(100)
    #expect(quota.remaining == 12)
    #expect(RetryPolicy(retryQuota: -3).retryQuota == 0)
    #expect(RetryPolicy.none.retryQuota == 500)
  }
}

@Suite("Numbers compared as DynamoDB compares them")
struct CanonicalNumberTests {
  @Test(arguments: [
    ("1", "1E0"), ("+1", "1E0"), ("1.0", "1E0"), ("10e-1", "1E0"), ("0.1E1", "1E0"), ("001.000", "1E0"),
    ("-2.50", "-25E-1"), ("120", "12E1"), ("0.012", "12E-3"), ("0", "0"), ("-0.0", "0"), ("0e5", "0"),
    ("123456789012345678901234567890123456.78", "12345678901234567890123456789012345678E-2"),
  ])
  func canonicalText(_ text: String, _ expected: String) {
    #expect(DynamoDBNumber.canonicalText(text) == expected)
  }

  @Test func invalidTextAndHugeExponentsHaveNoCanonicalText() {
    #expect(DynamoDBNumber.canonicalText("1e") == nil)
    #expect(DynamoDBNumber.canonicalText("abc") == nil)
    #expect(DynamoDBNumber.canonicalText("1e99999999999999999999") == nil)
  }

  @Test func batchWriterTreatsEqualNumbersAsOneKey() async throws {
    let client = DynamoDBClient(
      region: "us-east-1", credentials: StaticCredentialProvider(Credentials(accessKeyId: "A", secretAccessKey: "S")),
      endpoint: "http://127.0.0.1:9")
    var writer = BatchWriter(client: client, keyAttributes: ["T": ["pk", "sk"]])
    for text in ["1", "1.0", "+1", "10e-1"] { try writer.put(["pk": "a", "sk": .n(text), "v": .n(text)], into: "T") }
    try writer.put(["pk": "a", "sk": .n("2")], into: "T")
    writer.delete(key: ["pk": "a", "sk": .n("0.20e1")], from: "T")
    #expect(writer.pendingCount == 2)
    #expect(writer.pending["T"]?.first == .put(["pk": "a", "sk": .n("10e-1"), "v": .n("10e-1")]))
    #expect(writer.pending["T"]?.last == .delete(key: ["pk": "a", "sk": .n("0.20e1")]))
    try await client.shutdown()
  }
}

@Suite("The endpoint, parsed once per client")
struct DynamoDBEndpointTests {
  @Test func requestTargetKeepsPathAndQueryAndDropsTheFragment() throws {
    #expect(try #require(DynamoDBEndpoint("http://127.0.0.1:8000")).requestTarget == "/")
    let endpoint = try #require(DynamoDBEndpoint("HTTPS://dynamodb.example.com/prefix?x=1#part"))
    #expect(endpoint.origin == HTTP1Origin(url: "https://dynamodb.example.com"))
    #expect(endpoint.path == "/prefix")
    #expect(endpoint.requestTarget == "/prefix?x=1")
  }

  @Test func aNonHTTPEndpointFailsEveryRequestAtOnceWithoutRetrying() async throws {
    let client = DynamoDBClient(
      region: "us-east-1", credentials: StaticCredentialProvider(Credentials(accessKeyId: "A", secretAccessKey: "S")),
      endpoint: "ftp://dynamodb.example.com", retryPolicy: RetryPolicy(maxAttempts: 5))
    let started = ContinuousClock.now
    let error = await #expect(throws: DynamoDBError.self) { try await client.listTables() }
    guard case .invalidRequest(let detail) = error else { Issue.record("got \(String(describing: error))"); return }
    #expect(detail == "the endpoint 'ftp://dynamodb.example.com' is not an absolute http(s) URL")
    #expect(ContinuousClock.now - started < .milliseconds(50), "no backoff before the error")
    try await client.shutdown()
  }
}
