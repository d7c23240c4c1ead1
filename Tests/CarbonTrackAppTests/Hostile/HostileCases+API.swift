import Foundation

/// The API half of the hostile-input table: every route crossed with every input class that can reach it.
///
/// Every case here must be refused before anything is written, so the suite can also check that no data changed.
extension HostileCase {
  static var apiCases: [HostileCase] {
    HostileRoute.all.flatMap { route in
      identityCases(route) + pathCases(route) + bodyCases(route)
    } + queryCases + cursorCases
  }

  private static func request(
    _ route: HostileRoute, path: String? = nil, query: [String: String] = [:], body: String? = nil,
    base64: Bool = false, sub: String? = HostileFixture.alice
  ) -> [UInt8] {
    HostileEvent.api(route.method, path ?? route.path, query: query, body: body, base64: base64, sub: sub)
  }

  /// Look-alike, malformed and missing identities: refused before routing reaches any data.
  private static func identityCases(_ route: HostileRoute) -> [HostileCase] {
    let kevinPath = route.path.replacingOccurrences(of: "/users/alice", with: "/users/Kevin")
    let body = route.body.map(HostileRoute.object)
    func refused(_ name: String, path: String? = nil, sub: String?, _ status: Int, _ error: String) -> HostileCase {
      HostileCase(
        inputClass: "look-alike identities", name: "\(route.operation): \(name)",
        event: request(route, path: path, body: body, sub: sub), outcome: .http(status, error: error))
    }
    return [
      // U+212A KELVIN SIGN is canonically equivalent to "K": Swift's String == said "\u{212A}evin" == "Kevin".
      refused("sub with a Kelvin sign for Kevin", path: kevinPath, sub: "\u{212A}evin", 401, "Unauthorized"),
      refused("sub with a zero-width space", sub: "alice\u{200B}", 401, "Unauthorized"),
      refused("sub with a NUL byte", sub: "ali\u{0}ce", 401, "Unauthorized"),
      refused("empty sub", sub: "", 401, "Unauthorized"),
      refused("no authorizer", sub: nil, 401, "Unauthorized"),
      refused("another user's sub", sub: HostileFixture.kevin, 403, "Forbidden"),
      refused(
        "Kelvin sign in the path",
        path: route.path.replacingOccurrences(of: "/users/alice", with: "/users/%E2%84%AAevin"),
        sub: HostileFixture.kevin, 403, "Forbidden"),
    ]
  }

  /// Control characters and megabytes in the path's user id.
  private static func pathCases(_ route: HostileRoute) -> [HostileCase] {
    let huge = String(repeating: "a", count: 1_000_000)
    return [
      HostileCase(
        inputClass: "control characters", name: "\(route.operation): CR LF in the path's user id",
        event: request(route, path: route.path.replacingOccurrences(of: "/users/alice", with: "/users/ali%0D%0Ace")),
        outcome: .http(403, error: "Forbidden")),
      HostileCase(
        inputClass: "multi-megabyte strings", name: "\(route.operation): 1 MB user id, same sub",
        event: request(
          route, path: route.path.replacingOccurrences(of: "/users/alice", with: "/users/" + huge), sub: huge),
        outcome: .http(401, error: "Unauthorized")),
    ]
  }

  /// Everything that can go wrong in a JSON body, for each route that reads one.
  private static func bodyCases(_ route: HostileRoute) -> [HostileCase] {
    guard route.body != nil else { return [] }
    var cases: [HostileCase] = []
    func add(_ inputClass: String, _ name: String, _ body: String, _ field: String?, base64: Bool = false) {
      cases.append(
        HostileCase(
          inputClass: inputClass, name: "\(route.operation): \(name)",
          event: request(route, body: body, base64: base64),
          outcome: .http(400, error: "ValidationFailed", field: field)))
    }
    add("wrong types", "body is an array", "[]", "body")
    add("wrong types", "body is a string", #""x""#, "body")
    add("wrong types", "body is null", "null", "body")
    add("huge and deep JSON", "100,000 nested arrays", HostileEvent.deeplyNested(100_000), nil)
    add("huge and deep JSON", "a million open brackets", String(repeating: "[", count: 1_000_000), nil)
    add("bad base64", "body marked base64 that is not", "%%% not base64 %%%", "body", base64: true)
    if let field = route.textField {
      add(
        "multi-megabyte strings", "3 MB \(field)",
        route.body(setting: field, to: "\"" + String(repeating: "x", count: 3_000_000) + "\""), field)
      add(
        "multi-megabyte strings", "300 emoji in \(field) (1,200 bytes)",
        route.body(setting: field, to: "\"" + String(repeating: "😀", count: 300) + "\""), field)
      // One character of 600 KB: a base letter and 300,000 combining accents.
      add(
        "multi-megabyte strings", "one 600 KB grapheme in \(field)",
        route.body(setting: field, to: "\"e" + String(repeating: "\u{301}", count: 300_000) + "\""), field)
      add("control characters", "NUL in \(field)", route.body(setting: field, to: #""a\u0000b""#), field)
      add("control characters", "ESC sequence in \(field)", route.body(setting: field, to: #""\u001b[31mred""#), field)
      add("control characters", "CR LF in \(field)", route.body(setting: field, to: #""line\r\nforged""#), field)
      add("wrong types", "\(field) is a number", route.body(setting: field, to: "5"), field)
      add(
        "missing and duplicate fields", "\(field) given twice",
        route.body(setting: field, to: #""a""#).dropLast() + #","\#(field)":"b"}"#, field)
    }
    if let field = route.numberField {
      add("extreme and malformed numbers", "\(field) = 1e400", route.body(setting: field, to: "1e400"), field)
      add("extreme and malformed numbers", "\(field) = 1e308", route.body(setting: field, to: "1e308"), field)
      add("extreme and malformed numbers", "\(field) = -1", route.body(setting: field, to: "-1"), field)
      add(
        "extreme and malformed numbers", "\(field) = 2^63", route.body(setting: field, to: "9223372036854775808"), field
      )
      add("extreme and malformed numbers", "\(field) = NaN (not JSON)", route.body(setting: field, to: "NaN"), nil)
      add("wrong types", "\(field) is a string", route.body(setting: field, to: #""10""#), field)
      add(
        "huge and deep JSON", "\(field) is a 1 MB array",
        route.body(setting: field, to: "[" + Array(repeating: "1", count: 500_000).joined(separator: ",") + "]"), field)
      add(
        "missing and duplicate fields", "\(field) given twice",
        route.body(setting: field, to: "1").dropLast() + #","\#(field)":2}"#, field)
    }
    if let field = route.dateField {
      for date in ["1999-12-31", "2026-02-30", "10000-01-01", "-2026-01-01", "2099-01-01T00:00:00Z"] {
        // Goal periods end later than entries may occur: 2099 is a valid period bound.
        if field.hasPrefix("period"), date.hasPrefix("2099") { continue }
        add("out-of-range dates", "\(field) = \(date)", route.body(setting: field, to: "\"\(date)\""), field)
      }
    }
    if route.operation.hasPrefix("create"), let field = route.textField {
      add("missing and duplicate fields", "no \(field)", route.body(removing: field), field)
    }
    if route.operation.hasPrefix("update") {
      add("missing and duplicate fields", "empty object", "{}", "body")
    }
    return cases
  }

  /// Query parameters of the listing routes.
  private static var queryCases: [HostileCase] {
    let listings = HostileRoute.all.filter { ["listEntries", "getAnalytics"].contains($0.operation) }
    return listings.flatMap { route in
      var cases: [HostileCase] = []
      func add(_ inputClass: String, _ name: String, _ query: [String: String], _ field: String) {
        cases.append(
          HostileCase(
            inputClass: inputClass, name: "\(route.operation): \(name)", event: request(route, query: query),
            outcome: .http(400, error: "ValidationFailed", field: field)))
      }
      if route.operation == "listEntries" {
        for limit in ["0", "-1", "1e3", "99999999999999999999", "NaN", ""] {
          add("extreme and malformed numbers", "limit=\(limit)", ["limit": limit], "limit")
        }
      }
      for (name, value) in [
        ("0000-01-01", "0000-01-01"), ("99999-12-31", "99999-12-31"),
        ("2 MB", String(repeating: "9", count: 2_000_000)),
      ] {
        add("out-of-range dates", "from=\(name)", ["from": value], "from")
        add("out-of-range dates", "to=\(name)", ["to": value], "to")
      }
      add("out-of-range dates", "to before from", ["from": "2026-06-01", "to": "2026-05-31"], "to")
      add("control characters", "CR LF in groupBy", ["groupBy": "category\r\nday"], "groupBy")
      return cases
    }
  }

  /// Pagination cursors that do not belong to the listing they are used with.
  private static var cursorCases: [HostileCase] {
    let route = HostileRoute.all.first { $0.operation == "listEntries" }!
    func add(_ name: String, _ query: [String: String]) -> HostileCase {
      HostileCase(
        inputClass: "cursors from another range or user", name: name, event: request(route, query: query),
        outcome: .http(400, error: "ValidationFailed", field: "cursor"))
    }
    let crafted = HostileRoute.object([
      ("v", "2"), ("u", #""alice""#), ("after", #""1990-01-01T00:00:00.000Z#00000000""#),
    ])
    let craftedCursor = Data(crafted.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    return [
      add("Kevin's cursor in alice's listing", ["cursor": HostileFixture.kevinCursor]),
      add(
        "a cursor outside from/to", ["cursor": HostileFixture.aliceCursor, "from": "2026-01-01", "to": "2026-01-31"]),
      add("a crafted cursor before the year 2000", ["cursor": craftedCursor]),
      add("garbage", ["cursor": "!!!"]),
      add("a 1 MB cursor", ["cursor": String(repeating: "A", count: 1_000_000)]),
    ]
  }
}
