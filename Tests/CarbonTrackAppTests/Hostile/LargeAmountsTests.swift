import CarbonTrackTestSupport
import DynamoDB
import Foundation
import LambdaEvents
import LocalLambdaServer
import Testing

@testable import CarbonTrack

/// Amounts that once trapped (SIGILL) in Int64 micro-kg arithmetic, through the real `bootstrap`: statistics and
/// entries already in the tables beyond any cap (written around the API), and the cap on what the API adds.
@Suite(.enabled(if: TestEnvironment.integrationEnabled), .timeLimit(.minutes(2)))
struct LargeAmountsTests {
  @Test func statisticsAndEntriesBeyondTheCapsReadWithoutACrash() async throws {
    try await withStore("large", authMode: "required") { store, environment in
      let now = Timestamp.now()
      _ = try await store.createUser(
        CreateUserRequest(email: "big@example.com", displayName: "Big").validated(userId: "big", now: now))
      // As a DynamoDB number, 9.9e125 is legal; as micro-kg in an Int64 it was a trap on every profile read.
      _ = try await store.client.updateItem(
        UpdateItemInput(
          tableName: store.tables.users, key: ["userId": .s("big")],
          updateExpression: "SET totalKgCO2e = :huge, kg_transport = :huge, entryCount = :count",
          expressionAttributeValues: [":huge": .n("9.9E125"), ":count": .n("1E30")]))
      // Two entries per month of 9e12 kg each: each fits an Int64 in micro-kg, their sum did not.
      let lastMonth = now.day.firstOfPreviousMonth
      for month in [lastMonth, lastMonth.firstOfPreviousMonth] {
        for (hour, suffix) in [(1, "0000000a"), (2, "0000000b")] {
          let key = EntrySortKey(
            time: Timestamp(startOf: month).adding(milliseconds: Int64(hour) * 3_600_000), suffix: suffix)
          var item = try DynamoDBEncoder().encode(
            CarbonEntry(
              userId: "big", key: key, category: .energy, activity: "plant", quantity: 1, unit: "unit", kgCO2e: 0,
              createdAt: now))
          item["kgCO2e"] = .n("9000000000000")
          _ = try await store.client.putItem(PutItemInput(tableName: store.tables.entries, item: item))
        }
      }
      let periodStart = lastMonth.firstOfPreviousMonth
      _ = try await store.client.putItem(
        PutItemInput(
          tableName: store.tables.goals,
          item: try DynamoDBEncoder().encode(
            Goal(
              userId: "big", goalId: "g", title: "Cap", kind: .cap, targetKgCO2e: 1, baselineKgCO2e: nil,
              periodStart: periodStart, periodEnd: now.day, createdAt: now))))

      try await RunningBootstrap.with(environment: environment) { server in
        for (method, path) in [
          ("GET", "/users/big"), ("GET", "/users/big/entries"), ("GET", "/users/big/analytics"),
          ("GET", "/users/big/goals"), ("GET", "/users/big/goals/g"), ("POST", "/users/big/achievements"),
          ("GET", "/users/big/analytics?groupBy=month"),
        ] {
          let parts = path.split(separator: "?")
          let query = parts.count > 1 ? ["groupBy": String(parts[1].split(separator: "=")[1])] : [:]
          let response = try await apiResponse(
            server, HostileEvent.api(method, String(parts[0]), query: query, sub: "big"))
          #expect(response.statusCode == 200, "\(method) \(path): \(response.body.prefix(300))")
        }
        let user = try await apiResponse(server, HostileEvent.api("GET", "/users/big", sub: "big"))
        let profile = try JSONDecoder().decode(UserProfile.self, from: Data(user.body.utf8))
        #expect(profile.statistics.totalKgCO2e == 9.9e125)
        #expect(profile.statistics.entryCount == .max)

        // A total already past the cap refuses more, with a 400 naming the field, and the process lives on.
        let entry = #"{"category":"transport","activity":"bus","quantity":1,"unit":"km","kgCO2e":1}"#
        let refused = try await apiResponse(
          server, HostileEvent.api("POST", "/users/big/entries", body: entry, sub: "big"))
        #expect(refused.statusCode == 400, "\(refused.body)")
        #expect(refused.body.contains("kgCO2e"))
        #expect(try await server.invoke(HostileEvent.action("ping")).isSuccess)
      }
      let entries = try await store.entries("big", limit: 100)
      #expect(entries.entries.count == 4, "the refused entry was not stored")
    }
  }

  @Test func theAPICapsAUsersTotal() async throws {
    try await withStore("cap", authMode: "required") { store, environment in
      let now = Timestamp.now()
      _ = try await store.createUser(
        CreateUserRequest(email: "c@example.com", displayName: "C").validated(userId: "capped", now: now))
      _ = try await store.client.updateItem(
        UpdateItemInput(
          tableName: store.tables.users, key: ["userId": .s("capped")], updateExpression: "SET totalKgCO2e = :almost",
          expressionAttributeValues: [":almost": .n("999999999999.5")]))
      try await RunningBootstrap.with(environment: environment) { server in
        func create(_ kg: String) async throws -> APIGatewayResponse {
          let body = #"{"category":"food","activity":"beef","quantity":1,"unit":"kg","kgCO2e":\#(kg)}"#
          return try await apiResponse(
            server, HostileEvent.api("POST", "/users/capped/entries", body: body, sub: "capped"))
        }
        #expect(try await create("0.5").statusCode == 201, "exactly at the cap is allowed")
        let over = try await create("0.000001")
        #expect(over.statusCode == 400, "\(over.body)")
        #expect(over.body.contains("kgCO2e") && over.body.contains("1000000000000"), "\(over.body)")
        #expect(try await create("0").statusCode == 201, "adding nothing never passes the cap")
      }
      let statistics = try await store.getUser("capped").statistics
      #expect(statistics.totalKgCO2e == Kilograms.maximumTotal)
      #expect(statistics.entryCount == 2)
    }
  }
}

/// The API Gateway response a successful invocation carries.
func apiResponse(_ server: LocalLambdaServer, _ event: [UInt8]) async throws -> APIGatewayResponse {
  let result = try await server.invoke(event)
  try #require(result.isSuccess, "\(result.errorType ?? "") \(result.bodyText.prefix(300))")
  return try JSONDecoder().decode(APIGatewayResponse.self, from: Data(result.body))
}
