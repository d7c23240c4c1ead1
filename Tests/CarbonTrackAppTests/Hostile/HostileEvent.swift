import Foundation

/// Builds the events of the hostile-input suite: API Gateway payload 2.0 requests and direct actions.
enum HostileEvent {
  /// An HTTP API (payload 2.0) event; `sub` is the JWT authorizer's subject claim (nil: no authorizer ran).
  static func api(
    _ method: String, _ path: String, query: [String: String] = [:], body: String? = nil, base64: Bool = false,
    sub: String? = HostileFixture.alice
  ) -> [UInt8] {
    var context: [String: Any] = [
      "http": ["method": method, "path": path], "requestId": "hostile", "stage": "$default",
    ]
    if let sub { context["authorizer"] = ["jwt": ["claims": ["sub": sub]]] }
    var event: [String: Any] = [
      "version": "2.0", "routeKey": "$default", "rawPath": path, "requestContext": context,
      "headers": ["content-type": "application/json"],
    ]
    if !query.isEmpty { event["queryStringParameters"] = query }
    if let body {
      event["body"] = body
      event["isBase64Encoded"] = base64
    }
    return json(event)
  }

  /// A direct action from JSON-compatible fields.
  static func action(_ name: String, _ fields: [String: Any] = [:]) -> [UInt8] {
    json(fields.merging(["action": name]) { _, action in action })
  }

  /// Bytes exactly as written: for JSON that no serializer would produce (duplicate names, deep nesting).
  static func raw(_ text: String) -> [UInt8] { Array(text.utf8) }

  /// `{"a":[[[...]]]}`-style nesting `depth` levels deep.
  static func deeplyNested(_ depth: Int) -> String {
    "{\"kgCO2e\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
  }

  private static func json(_ object: [String: Any]) -> [UInt8] {
    // Force-try: these objects are built from strings, numbers and dictionaries only.
    Array(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
  }
}
