import CarbonTrackTestSupport
import Foundation
import Testing

@testable import CarbonTrack

@Suite(.enabled(if: TestEnvironment.integrationEnabled)) struct EventFileTests {
  @Test(arguments: ["api-v1", "api-v2"])
  func everyRouteFileSucceedsInOrder(directory: String) async throws {
    try await withStore(directory) { store, environment in
      let function = try InProcessFunction(store: store, environment: environment)
      for (name, status) in EventFiles.sequence {
        try await EventFiles.seed(before: name, store: store)
        let response = try await function.api(try EventFiles.load("\(directory)/\(name).json"))
        #expect(response.statusCode == status, "\(directory)/\(name): \(response.body)")
        if status != 204 {
          #expect(response.headers["content-type"] == "application/json")
          #expect((try? JSONSerialization.jsonObject(with: Data(response.body.utf8))) != nil)
        }
      }
      let leftBehind = try await allItems(store)
      #expect(leftBehind == [])
    }
  }

  @Test func everyActionFileSucceedsInOrder() async throws {
    try await withStore("actions") { store, environment in
      let function = try InProcessFunction(store: store, environment: environment)
      for (name, _) in EventFiles.sequence {
        try await EventFiles.seed(before: name, store: store)
        let output = try await function.invoke(try EventFiles.load("actions/\(name).json"))
        #expect(try JSONSerialization.jsonObject(with: Data(output)) is [String: Any], "actions/\(name)")
      }
      let leftBehind = try await allItems(store)
      #expect(leftBehind == [])
    }
  }

  @Test func selfTestFilePasses() async throws {
    try await withStore("selftestfile") { store, environment in
      let function = try InProcessFunction(store: store, environment: environment)
      let output = try await function.invoke(try EventFiles.load("self-test.json"))
      let result = try JSONDecoder().decode(SelfTestResult.self, from: Data(output))
      #expect(result.overallStatus == "PASS", "\(result.steps.compactMap(\.error))")
      #expect(result.passedTests == 10)
      let viaNamedHandler = try await function.invoke(Array("{}".utf8), handler: "selftest")
      #expect(try JSONDecoder().decode(SelfTestResult.self, from: Data(viaNamedHandler)).passed)
    }
  }

  @Test func everyEventFileIsCoveredBySomeTest() throws {
    var covered = Set(["self-test.json", "ping.json"])
    for directory in ["api-v1", "api-v2", "actions"] {
      for (name, _) in EventFiles.sequence { covered.insert("\(directory)/\(name).json") }
    }
    #expect(Set(try EventFiles.all()) == covered)
  }
}
