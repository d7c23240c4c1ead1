import DynamoDB
import DynamoDBTestSupport
import HTTPClient
import NIOSSL
import SigV4
import TLSTestSupport
import Testing

@Suite(
  "DynamoDB over TLS: a verified HTTPS front for moto", .enabled(if: TestServer.isAvailable, "set DYNAMODB_ENDPOINT"))
struct TLSIntegrationTests {
  @Test func itemsRoundTripOverHTTPSWithATrustedCertificate() async throws {
    let upstream = try TestServer.requireEndpoint()
    let certificates = try TestCertificates.make()
    try await TestServer.withTable("tls") { _, table in
      try await FaultProxy.run(upstream: upstream, tls: certificates.serverContext, plan: { _ in nil }) { proxy in
        var configuration = HTTP1Client.Configuration()
        configuration.tls.trustRoots = .certificates([certificates.caCertificate])
        let httpClient = HTTP1Client(configuration: configuration)
        let client = DynamoDBClient(
          region: "us-east-1", credentials: StaticCredentialProvider(TestServer.testCredentials),
          endpoint: proxy.endpoint, httpClient: httpClient, retryPolicy: .none)
        let item: Item = ["pk": "tls", "sk": 1, "note": "sent over https"]
        _ = try await client.putItem(PutItemInput(tableName: table, item: item))
        let read = try await client.getItem(GetItemInput(tableName: table, key: ["pk": "tls", "sk": 1]))
        #expect(read.item == item)
        #expect(proxy.received.map(\.target) == ["DynamoDB_20120810.PutItem", "DynamoDB_20120810.GetItem"])
        try await client.shutdown()
        await httpClient.shutdown()
      }
    }
  }

  @Test func anUntrustedCertificateFailsWithAReadableErrorAndSendsNothing() async throws {
    let upstream = try TestServer.requireEndpoint()
    let certificates = try TestCertificates.make()
    try await FaultProxy.run(upstream: upstream, tls: certificates.serverContext, plan: { _ in nil }) { proxy in
      _ = try await TestServer.withClient(endpoint: proxy.endpoint, retryPolicy: .none) { client in
        await #expect {
          _ = try await client.listTables(ListTablesInput())
        } throws: { error in
          "\(error)".contains("TLS with \(proxy.endpoint) failed") && "\(error)".contains("CERTIFICATE_VERIFY_FAILED")
        }
      }
      #expect(proxy.received.isEmpty)
    }
  }
}
