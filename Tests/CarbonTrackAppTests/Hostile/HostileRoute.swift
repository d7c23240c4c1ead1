/// An API route (or direct action) of the hostile-input suite, with a valid body to mutate.
struct HostileRoute: Sendable {
  var operation: String
  var method: String
  var path: String
  /// A valid body as ordered `name: raw JSON value` pairs; nil when the route reads no body.
  var body: [(String, String)]?
  /// A text field of the body, limited in bytes.
  var textField: String?
  /// A number field of the body (an amount in kg, or a version).
  var numberField: String?
  /// A date field of the body.
  var dateField: String?

  /// The valid body with `field` set to the raw JSON `value` (added when absent).
  func body(setting field: String, to value: String) -> String {
    var pairs = body ?? []
    if let index = pairs.firstIndex(where: { $0.0 == field }) {
      pairs[index].1 = value
    } else {
      pairs.append((field, value))
    }
    return Self.object(pairs)
  }

  /// The valid body without `field`.
  func body(removing field: String) -> String {
    Self.object((body ?? []).filter { $0.0 != field })
  }

  static func object(_ pairs: [(String, String)]) -> String {
    "{" + pairs.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
  }

  /// Every API route, on alice's data unless the path says otherwise.
  static let all: [HostileRoute] = [
    HostileRoute(
      operation: "createUser", method: "POST", path: "/users/alice",
      body: [("email", #""new@example.com""#), ("displayName", #""New""#)], textField: "displayName"),
    HostileRoute(operation: "getUser", method: "GET", path: "/users/alice"),
    HostileRoute(
      operation: "updateUser", method: "PATCH", path: "/users/alice", body: [("displayName", #""Alice""#)],
      textField: "displayName", numberField: "expectedVersion"),
    HostileRoute(operation: "deleteUser", method: "DELETE", path: "/users/alice"),
    HostileRoute(
      operation: "createEntry", method: "POST", path: "/users/alice/entries",
      body: [
        ("category", #""transport""#), ("activity", #""bus""#), ("quantity", "1"), ("unit", #""km""#),
        ("kgCO2e", "1"),
      ], textField: "activity", numberField: "kgCO2e", dateField: "occurredAt"),
    HostileRoute(operation: "listEntries", method: "GET", path: "/users/alice/entries"),
    HostileRoute(operation: "getEntry", method: "GET", path: HostileFixture.aliceEntryPath),
    HostileRoute(
      operation: "updateEntry", method: "PUT", path: HostileFixture.aliceEntryPath, body: [("notes", #""x""#)],
      textField: "notes", numberField: "kgCO2e"),
    HostileRoute(
      operation: "deleteEntry", method: "DELETE", path: HostileFixture.aliceEntryPath,
      body: [("expectedVersion", "1")], numberField: "expectedVersion"),
    HostileRoute(
      operation: "createGoal", method: "POST", path: "/users/alice/goals",
      body: [
        ("title", #""T""#), ("kind", #""cap""#), ("targetKgCO2e", "10"), ("periodStart", #""2026-01-01""#),
        ("periodEnd", #""2026-12-31""#),
      ], textField: "title", numberField: "targetKgCO2e", dateField: "periodStart"),
    HostileRoute(operation: "listGoals", method: "GET", path: "/users/alice/goals"),
    HostileRoute(operation: "getGoal", method: "GET", path: HostileFixture.goalPath),
    HostileRoute(
      operation: "updateGoal", method: "PUT", path: HostileFixture.goalPath, body: [("title", #""T2""#)],
      textField: "title", numberField: "targetKgCO2e", dateField: "periodEnd"),
    HostileRoute(operation: "deleteGoal", method: "DELETE", path: HostileFixture.goalPath),
    HostileRoute(operation: "listAchievements", method: "GET", path: "/users/alice/achievements"),
    HostileRoute(operation: "evaluateAchievements", method: "POST", path: "/users/alice/achievements"),
    HostileRoute(operation: "getAnalytics", method: "GET", path: "/users/alice/analytics"),
  ]
}
