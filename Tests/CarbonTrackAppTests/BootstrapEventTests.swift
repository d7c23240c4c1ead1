import CarbonTrackTestSupport
import Foundation
import LambdaEvents
import LambdaRuntime
import Testing

@testable import CarbonTrack

/// Every file in `events/` through the real `bootstrap` process and the local Runtime API server.
@Suite(.enabled(if: TestEnvironment.integrationEnabled)) struct BootstrapEventTests {
  @Test func everyEventFileRunsThroughTheRealBootstrap() async throws {
    try await withStore("bootstrap") { store, environment in
      try await RunningBootstrap.with(environment: environment) { server in
        let ping = try await server.invoke(try EventFiles.load("ping.json"))
        #expect(ping.isSuccess)
        #expect(try JSONDecoder().decode(PingResponse.self, from: Data(ping.body)).functionName == "carbontrack-events")

        let selfTest = try await server.invoke(try EventFiles.load("self-test.json"))
        let result = try JSONDecoder().decode(SelfTestResult.self, from: Data(selfTest.body))
        #expect(result.overallStatus == "PASS", "\(result.steps.compactMap(\.error))")

        for directory in ["api-v1", "api-v2", "actions"] {
          for (name, status) in EventFiles.sequence {
            try await EventFiles.seed(before: name, store: store)
            let output = try await server.invoke(try EventFiles.load("\(directory)/\(name).json"))
            #expect(output.isSuccess, "\(directory)/\(name): \(output.errorType ?? "") \(output.bodyText)")
            if directory != "actions" {
              let response = try JSONDecoder().decode(APIGatewayResponse.self, from: Data(output.body))
              #expect(response.statusCode == status, "\(directory)/\(name): \(response.body)")
            }
          }
        }
        let leftBehind = try await allItems(store)
        #expect(leftBehind == [])

        let unknown = try await server.invoke(Array(#"{"action":"fly"}"#.utf8))
        #expect(unknown.errorType == "Function.UnknownAction")
        #expect(unknown.bodyText.contains("selfTest"))
      }
    }
  }
}
