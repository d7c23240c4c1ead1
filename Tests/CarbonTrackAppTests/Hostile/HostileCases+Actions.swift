/// The direct-action half of the hostile-input table: every operation crossed with the input classes that reach
/// the event envelope, plus the body classes through the write actions.
extension HostileCase {
  static var actionCases: [HostileCase] {
    HostileRoute.all.flatMap { route in envelopeCases(route.operation) + actionBodyCases(route) } + resourceCases
  }

  private static func refused(
    _ inputClass: String, _ name: String, _ event: [UInt8], _ error: String = "ValidationFailed", field: String? = nil
  ) -> HostileCase {
    HostileCase(inputClass: inputClass, name: name, event: event, outcome: .functionError(error, field: field))
  }

  /// The user id and the JSON of the event itself.
  private static func envelopeCases(_ operation: String) -> [HostileCase] {
    let name = "action \(operation)"
    return [
      refused("missing and duplicate fields", "\(name): no userId", HostileEvent.action(operation), field: "userId"),
      refused(
        "missing and duplicate fields", "\(name): userId given twice",
        HostileEvent.raw(#"{"action":"\#(operation)","userId":"alice","userId":"Kevin"}"#), field: "userId"),
      refused(
        "look-alike identities", "\(name): userId with a Kelvin sign",
        HostileEvent.action(operation, ["userId": "\u{212A}evin"]), field: "userId"),
      refused(
        "wrong types", "\(name): userId is a number", HostileEvent.action(operation, ["userId": 5]), field: "userId"),
      refused(
        "multi-megabyte strings", "\(name): 1 MB userId",
        HostileEvent.action(operation, ["userId": String(repeating: "a", count: 1_000_000)]), field: "userId"),
      refused(
        "control characters", "\(name): CR LF in userId", HostileEvent.action(operation, ["userId": "alice\r\nKevin"]),
        field: "userId"),
      refused(
        "huge and deep JSON", "\(name): 100,000 nested arrays",
        HostileEvent.raw(
          #"{"action":"\#(operation)","userId":"alice","x":"# + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}"), "InvalidEvent"),
    ]
  }

  /// The body classes of the API, sent as direct actions (whose body is the event itself).
  private static func actionBodyCases(_ route: HostileRoute) -> [HostileCase] {
    guard let body = route.body, route.operation != "deleteEntry" else { return [] }
    var fields: [String: Any] = ["userId": HostileFixture.alice]
    if route.path.contains("/entries/") { fields["timestamp"] = HostileFixture.aliceEntry.description }
    if route.path.contains("/goals/") { fields["goalId"] = HostileFixture.goalId }
    let envelope = fields.map { ($0.key, "\"\($0.value)\"") }.sorted { $0.0 < $1.0 }
    let action = HostileRoute(operation: route.operation, method: "", path: "", body: envelope + body)
    func event(_ field: String, _ value: String) -> [UInt8] {
      HostileEvent.raw(#"{"action":"\#(route.operation)","# + action.body(setting: field, to: value).dropFirst())
    }
    var cases: [HostileCase] = []
    let name = "action \(route.operation)"
    if let field = route.textField {
      cases.append(
        refused(
          "multi-megabyte strings", "\(name): one 600 KB grapheme in \(field)",
          event(field, "\"e" + String(repeating: "\u{301}", count: 300_000) + "\""), field: field))
      cases.append(
        refused("control characters", "\(name): ESC in \(field)", event(field, #""\u001b[2J""#), field: field))
    }
    if let field = route.numberField {
      cases.append(
        refused("extreme and malformed numbers", "\(name): \(field) = 1e400", event(field, "1e400"), field: field))
      cases.append(refused("wrong types", "\(name): \(field) is a string", event(field, #""1""#), field: field))
    }
    if let field = route.dateField {
      cases.append(
        refused("out-of-range dates", "\(name): \(field) = 1999-12-31", event(field, #""1999-12-31""#), field: field))
    }
    return cases
  }

  /// Which resource an item action names: only the field of its own kind counts.
  private static var resourceCases: [HostileCase] {
    [
      // `timestamp ?? goalId` once made this read the goal named by the entry's timestamp (404).
      HostileCase(
        inputClass: "missing and duplicate fields", name: "action getGoal with an entry timestamp beside the goalId",
        event: HostileEvent.action(
          "getGoal",
          [
            "userId": HostileFixture.alice, "goalId": HostileFixture.goalId,
            "timestamp": HostileFixture.aliceEntry.description,
          ]),
        outcome: .success),
      refused(
        "multi-megabyte strings", "action getGoal with a 1 MB goalId",
        HostileEvent.action(
          "getGoal", ["userId": HostileFixture.alice, "goalId": String(repeating: "g", count: 1_000_000)]),
        "NotFound"),
      refused(
        "wrong types", "action getEntry with a malformed timestamp",
        HostileEvent.action("getEntry", ["userId": HostileFixture.alice, "timestamp": "2026-11-15T10:00:00Z"]),
        field: "timestamp"),
      refused(
        "cursors from another range or user", "action listEntries with Kevin's cursor",
        HostileEvent.action("listEntries", ["userId": HostileFixture.alice, "cursor": HostileFixture.kevinCursor]),
        field: "cursor"),
      refused(
        "extreme and malformed numbers", "action listEntries with limit 1e3",
        HostileEvent.action("listEntries", ["userId": HostileFixture.alice, "limit": "1e3"]), field: "limit"),
    ]
  }
}
