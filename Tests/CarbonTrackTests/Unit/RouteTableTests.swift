import LambdaEvents
import Testing

@testable import CarbonTrack

@Suite struct RouteTableTests {
  @Test(arguments: [
    ("POST", "/users/u1", DataOperation.createUser, nil as String?),
    ("GET", "/users/u1/", .getUser, nil),
    ("PUT", "/users/u1", .updateUser, nil),
    ("DELETE", "/users/u1", .deleteUser, nil),
    ("GET", "/users/u1/entries", .listEntries, nil),
    ("POST", "/users/u1/entries", .createEntry, nil),
    ("GET", "/users/u1/entries/2026-01-01T00:00:00.000Z%2300c0ffee", .getEntry, "2026-01-01T00:00:00.000Z#00c0ffee"),
    ("PUT", "/users/u1/entries/x", .updateEntry, "x"),
    ("DELETE", "/users/u1/entries/x", .deleteEntry, "x"),
    ("POST", "/users/u1/goals", .createGoal, nil),
    ("GET", "/users/u1/goals", .listGoals, nil),
    ("GET", "/users/u1/goals/g1", .getGoal, "g1"),
    ("PUT", "/users/u1/goals/g1", .updateGoal, "g1"),
    ("DELETE", "/users/u1/goals/g1", .deleteGoal, "g1"),
    ("GET", "/users/u1/achievements", .listAchievements, nil),
    ("get", "/users/u1/analytics", .getAnalytics, nil),
  ])
  func matchesEveryRoute(method: String, path: String, operation: DataOperation, resource: String?) throws {
    let route = try RouteTable.match(method: method, path: path)
    #expect(route == Route(operation: operation, userId: "u1", resourceId: resource))
  }

  @Test func unknownPathsAreNotFound() {
    for path in ["/", "/users", "/people/u1", "/users/u1/things", "/users/u1/entries/a/b", "/users/u1/analytics/x"] {
      #expect(throws: CarbonTrackError.self) { try RouteTable.match(method: "GET", path: path) }
      do {
        _ = try RouteTable.match(method: "GET", path: path)
      } catch {
        #expect(error.statusCode == 404, "\(path)")
      }
    }
  }

  @Test func wrongMethodListsAllowedOnes() {
    #expect(throws: CarbonTrackError.methodNotAllowed(method: "DELETE", allowed: ["GET"])) {
      try RouteTable.match(method: "DELETE", path: "/users/u1/analytics")
    }
    let response = APIGatewayResponse.error(.methodNotAllowed(method: "DELETE", allowed: ["GET", "POST"]))
    #expect(response.statusCode == 405)
    #expect(response.headers["allow"] == "GET, POST")
  }

  @Test func percentDecoding() {
    #expect(RouteTable.percentDecode("a%2Fb%23c") == "a/b#c")
    #expect(RouteTable.percentDecode("caf%C3%A9") == "café")
    #expect(RouteTable.percentDecode("bad%zz") == nil)
    #expect(RouteTable.percentDecode("bad%2") == nil)
  }
}
