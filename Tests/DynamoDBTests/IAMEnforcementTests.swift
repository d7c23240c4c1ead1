import DynamoDB
import Foundation
import SigV4
import Testing

/// moto verifies SigV4 signatures and IAM policies once `reset-auth` is set, so these tests prove our signing on
/// real DynamoDB requests. They use a private moto server because enforcement is server-wide.
@Suite(
  "SigV4 verified by moto's IAM enforcement",
  .enabled(if: PrivateMotoServer.executable != nil || TestServer.isCI, "needs moto_server on PATH"))
struct IAMEnforcementTests {
  @Test func signaturesAreVerifiedAndFailuresAreReadable() async throws {
    try await PrivateMotoServer.run { moto in
      let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*","Resource":"*"}]}"#
      let readOnly =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:DescribeTable","Resource":"*"}]}"#
      let writer = try await makeUser(moto, name: "ddb-writer", policy: policy)
      let reader = try await makeUser(moto, name: "ddb-reader", policy: readOnly)
      let reset = try await moto.request(
        method: .POST, path: "/moto-api/reset-auth", body: "0", headers: ["Content-Type": "text/plain"])
      #expect(reset.status == 200)

      let client = client(moto, writer)
      let table = TestServer.uniqueTableName("iam")
      _ = try await client.createTable(
        CreateTableInput(
          tableName: table, keySchema: [.hash("id")],
          attributeDefinitions: [AttributeDefinition(attributeName: "id", attributeType: .s)]))
      _ = try await client.putItem(PutItemInput(tableName: table, item: ["id": "signed", "n": 1]))
      let read = try await client.getItem(GetItemInput(tableName: table, key: ["id": "signed"]))
      #expect(read.item == ["id": "signed", "n": 1])

      var wrongSecret = writer
      wrongSecret.secretAccessKey = "not-the-secret"
      let badSignature = await #expect(throws: DynamoDBError.self) {
        try await self.client(moto, wrongSecret).getItem(GetItemInput(tableName: table, key: ["id": "signed"]))
      }
      #expect(badSignature?.code == .signatureDoesNotMatch)
      if case .service(let details) = badSignature {
        #expect(details.statusCode == 403)
        #expect(details.message.contains("signature"))
      }
      #expect(badSignature?.description.hasPrefix("DynamoDB error SignatureDoesNotMatch (HTTP 403): ") == true)

      let unknown = Credentials(accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "whatever")
      let unknownKey = await #expect(throws: DynamoDBError.self) {
        try await self.client(moto, unknown).getItem(GetItemInput(tableName: table, key: ["id": "signed"]))
      }
      #expect(unknownKey?.code == .invalidClientTokenId)

      let denied = await #expect(throws: DynamoDBError.self) {
        try await self.client(moto, reader).putItem(PutItemInput(tableName: table, item: ["id": "nope"]))
      }
      // Real DynamoDB says AccessDeniedException; moto's IAM layer says AccessDenied.
      #expect([.accessDenied, DynamoDBErrorCode(rawValue: "AccessDenied")].contains(denied?.code))
      _ = try await client.deleteTable(DeleteTableInput(tableName: table))
    }
  }

  private func makeUser(_ moto: PrivateMotoServer, name: String, policy: String) async throws -> Credentials {
    _ = try await moto.iam("CreateUser", ["UserName": name])
    _ = try await moto.iam("PutUserPolicy", ["UserName": name, "PolicyName": "ddb", "PolicyDocument": policy])
    let keys = try await moto.iam("CreateAccessKey", ["UserName": name])
    return Credentials(
      accessKeyId: try #require(PrivateMotoServer.element("AccessKeyId", in: keys)),
      secretAccessKey: try #require(PrivateMotoServer.element("SecretAccessKey", in: keys)))
  }

  private func client(_ moto: PrivateMotoServer, _ credentials: Credentials) -> DynamoDBClient {
    DynamoDBClient(
      region: "us-east-1", credentials: StaticCredentialProvider(credentials), endpoint: moto.endpoint,
      httpClient: .shared, retryPolicy: .none)
  }
}
