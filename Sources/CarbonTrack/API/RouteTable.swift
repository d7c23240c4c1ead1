import SharedSupport

/// The API's routes: maps an HTTP method and path to a `Route`.
///
/// Paths: `/users/{userId}`, `/users/{userId}/entries[/{timestamp}]`, `/users/{userId}/goals[/{goalId}]`,
/// `/users/{userId}/achievements`, `/users/{userId}/analytics`, and `/users/{userId}/export`, which is not a
/// `DataOperation` because it streams (`exportUserId`). Segments are percent-decoded (so an entry's `#` arrives as
/// `%23`); a trailing slash is ignored.
package enum RouteTable {
  private static let table: [String: [String: DataOperation]] = [
    "user": ["GET": .getUser, "POST": .createUser, "PUT": .updateUser, "PATCH": .updateUser, "DELETE": .deleteUser],
    "entries": ["GET": .listEntries, "POST": .createEntry],
    "entry": ["GET": .getEntry, "PUT": .updateEntry, "PATCH": .updateEntry, "DELETE": .deleteEntry],
    "goals": ["GET": .listGoals, "POST": .createGoal],
    "goal": ["GET": .getGoal, "PUT": .updateGoal, "PATCH": .updateGoal, "DELETE": .deleteGoal],
    "achievements": ["GET": .listAchievements, "POST": .evaluateAchievements],
    "analytics": ["GET": .getAnalytics],
  ]

  /// The path template of each resource in `table`, as docs/openapi.yaml writes it.
  private static let templates = [
    "user": "/users/{userId}", "entries": "/users/{userId}/entries", "entry": "/users/{userId}/entries/{timestamp}",
    "goals": "/users/{userId}/goals", "goal": "/users/{userId}/goals/{goalId}",
    "achievements": "/users/{userId}/achievements", "analytics": "/users/{userId}/analytics",
  ]

  /// Every route the API answers, `METHOD /path/{template}`, sorted: what docs/openapi.yaml must list
  /// (`carbontrack routes` prints it; Tests/infra/test-openapi.sh compares the two).
  package static var all: [String] {
    var routes = ["GET /users/{userId}/export"] + HealthRoute.methods.map { "\($0) \(HealthRoute.path)" }
    for (resource, methods) in table {
      routes += methods.keys.map { "\($0) \(templates[resource] ?? resource)" }
    }
    return routes.sorted()
  }

  /// The user whose data `GET /users/{userId}/export` asks for; nil for every other request (other methods on
  /// that path get their 405 from `match`).
  package static func exportUserId(method: String, path: String) -> String? {
    let segments = path.split(separator: "/").map { percentDecode(String($0)) }
    guard method.uppercased() == "GET", segments.count == 3, segments[0] == "users", segments[2] == "export" else {
      return nil
    }
    return segments[1]
  }

  /// The methods `path` accepts (for a preflight's `Access-Control-Allow-Methods`), or `notFound`.
  package static func methods(for path: String) throws(CarbonTrackError) -> [String] {
    if HealthRoute.matches(path) { return HealthRoute.methods }
    do {
      _ = try match(method: "OPTIONS", path: path)
      return []
    } catch .methodNotAllowed(_, let allowed) {
      return allowed
    }
  }

  /// The route for `method` and `path`, or `notFound` / `methodNotAllowed`.
  package static func match(method: String, path: String) throws(CarbonTrackError) -> Route {
    let segments = path.split(separator: "/").map { percentDecode(String($0)) }
    guard segments.count >= 2, segments[0] == "users", let userId = segments[1] else {
      throw .notFound("No route for \(path)")
    }
    if segments.count == 3, segments[2] == "export" {
      // Only GET exists, and it streams: a buffered invocation cannot carry it (see `APIHandler`).
      guard method.uppercased() == "GET" else { throw .methodNotAllowed(method: method.uppercased(), allowed: ["GET"]) }
      throw .notAcceptable(
        "The export streams its response, which a buffered invocation or an API Gateway HTTP API cannot carry: "
          + "call it through a function URL in RESPONSE_STREAM mode or a REST API with response streaming.")
    }
    let resource: String
    var resourceId: String?
    switch segments.count {
    case 2: resource = "user"
    case 3: resource = segments[2] ?? ""
    case 4:
      let collection = segments[2] ?? ""
      guard collection == "entries" || collection == "goals" else { throw .notFound("No route for \(path)") }
      resource = collection == "entries" ? "entry" : "goal"
      resourceId = segments[3]
      guard resourceId != nil else { throw .notFound("No route for \(path)") }
    default: throw .notFound("No route for \(path)")
    }
    guard let methods = table[resource] else { throw .notFound("No route for \(path)") }
    guard let operation = methods[method.uppercased()] else {
      throw .methodNotAllowed(method: method.uppercased(), allowed: methods.keys.sorted())
    }
    return Route(operation: operation, userId: userId, resourceId: resourceId)
  }

  /// Decodes `%XX` escapes; nil for malformed escapes or invalid UTF-8.
  static func percentDecode(_ text: String) -> String? {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(HexDigits.value(of:)),
        let low = iterator.next().flatMap(HexDigits.value(of:))
      else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }
}
