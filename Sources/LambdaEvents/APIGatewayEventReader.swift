import SharedSupport

/// Reads a proxy event straight from its bytes (`JSONByteReader`), for the common case: every member
/// `APIGatewayRequest`'s decoding reads is present with the type it expects, each once. Anything else gives up, and
/// the caller decodes with `JSONDecoder`, which decides, errors included; for what it accepts, this reader's value is
/// the decoder's. It reads the members of both payload formats in one pass, because `version` may come last, and
/// checks the type of each wherever it appears: stricter than the decoder, which reads only its format's members.
struct APIGatewayEventReader {
  private typealias GiveUp = JSONByteReader.GiveUp

  /// A set of member names already read in one object: `JSONDecoder` keeps the first of a repeated name, and a
  /// repeat gives up rather than copy that rule.
  private struct Seen {
    private var bits: UInt32 = 0

    mutating func insert(_ member: Int) throws(GiveUp) {
      let bit: UInt32 = 1 << UInt32(member)
      guard bits & bit == 0 else { throw GiveUp() }
      bits |= bit
    }
  }

  /// `requestContext` as either format has it.
  private struct Context {
    var method: String?
    var path: String?
    var hasHTTP = false
    var requestId: String?
    var stage: String?
    var domainName: String?
    /// `authorizer.claims` (1.0) and `authorizer.jwt.claims` (2.0), each `nil` when absent or null.
    var hasAuthorizer = false
    var claims: Claims?
    var hasJWT = false
    var jwtClaims: Claims?
  }

  private var json: JSONByteReader

  private init(_ bytes: UnsafeBufferPointer<UInt8>) { json = JSONByteReader(bytes) }

  /// The event in `bytes` and the names of the top-level members it skipped; nil means "decode with JSONDecoder".
  static func read(_ bytes: [UInt8]) -> (event: APIGatewayRequest, skippedMembers: [String])? {
    bytes.withUnsafeBufferPointer { buffer in
      var reader = APIGatewayEventReader(buffer)
      return try? reader.event()
    }
  }

  /// The top-level members either format reads, each with its bit in `Seen`.
  private static let topLevelNames = [
    "version", "routeKey", "rawPath", "rawQueryString", "resource", "path", "httpMethod", "headers",
    "queryStringParameters", "pathParameters", "requestContext", "body", "isBase64Encoded",
  ]

  private mutating func event() throws(GiveUp) -> (event: APIGatewayRequest, skippedMembers: [String]) {
    var version: String?
    var routeKey: String?
    var rawPath: String?
    var rawQueryString: String?
    var resource: String?
    var path: String?
    var httpMethod: String?
    var headers: [String: String]?
    var query: [String: String]?
    var pathParameters: [String: String]?
    var context: Context?
    var body: String?
    var isBase64Encoded: Bool?
    var skipped: [String] = []
    var seen = Seen()
    if try json.openObject() {
      repeat {
        let name = try json.key()
        guard let member = Self.topLevelNames.firstIndex(of: name) else {
          skipped.append(name)
          try json.skipValue()
          continue
        }
        try seen.insert(member)
        switch name {
        // The decoder reads `version` with `try?`, so that any value of another type means 1.0; such a rare
        // event is left to it.
        case "version": version = try optionalString()
        case "routeKey": routeKey = try optionalString()
        case "rawPath": rawPath = try optionalString()
        case "rawQueryString": rawQueryString = try optionalString()
        case "resource": resource = try optionalString()
        case "path": path = try optionalString()
        case "httpMethod": httpMethod = try optionalString()
        case "headers": headers = try optionalMap()
        case "queryStringParameters": query = try optionalMap()
        case "pathParameters": pathParameters = try optionalMap()
        case "requestContext": context = try requestContext()
        case "body": body = try optionalString()
        default: isBase64Encoded = json.null() ? nil : try json.bool()
        }
      } while try json.nextMember()
    }
    guard json.isAtEnd(), let context else { throw GiveUp() }
    if version == "2.0" {
      guard let rawPath, context.hasHTTP, let method = context.method else { throw GiveUp() }
      let authorizer =
        context.hasAuthorizer
        ? APIGatewayV2Request.Context.Authorizer(jwt: context.hasJWT ? .init(claims: context.jwtClaims) : nil) : nil
      let request = APIGatewayV2Request(
        version: "2.0", routeKey: routeKey, rawPath: rawPath, rawQueryString: rawQueryString, headers: headers,
        queryStringParameters: query, pathParameters: pathParameters,
        requestContext: .init(
          http: .init(method: method, path: context.path), requestId: context.requestId, stage: context.stage,
          domainName: context.domainName, authorizer: authorizer),
        body: body, isBase64Encoded: isBase64Encoded)
      return (.v2(request), skipped)
    }
    guard let path, let httpMethod else { throw GiveUp() }
    let request = APIGatewayV1Request(
      resource: resource, path: path, httpMethod: httpMethod, headers: headers, queryStringParameters: query,
      pathParameters: pathParameters,
      requestContext: .init(
        requestId: context.requestId, stage: context.stage,
        authorizer: context.hasAuthorizer ? .init(claims: context.claims) : nil),
      body: body, isBase64Encoded: isBase64Encoded)
    return (.v1(request), skipped)
  }

  private static let contextNames = ["http", "requestId", "stage", "domainName", "authorizer"]

  /// `requestContext`, which both formats require.
  private mutating func requestContext() throws(GiveUp) -> Context {
    var context = Context()
    var seen = Seen()
    guard try json.openObject() else { return context }
    repeat {
      let name = try json.key()
      guard let member = Self.contextNames.firstIndex(of: name) else {
        try json.skipValue()
        continue
      }
      try seen.insert(member)
      switch member {
      case 0:
        guard !json.null() else { continue }
        context.hasHTTP = true
        (context.method, context.path) = try http()
      case 1: context.requestId = try optionalString()
      case 2: context.stage = try optionalString()
      case 3: context.domainName = try optionalString()
      default: try authorizer(into: &context)
      }
    } while try json.nextMember()
    return context
  }

  /// `requestContext.http`: its `method` (2.0 requires it) and `path`.
  private mutating func http() throws(GiveUp) -> (String?, String?) {
    var method: String?
    var path: String?
    var seen = Seen()
    if try json.openObject() {
      repeat {
        switch try json.key() {
        case "method":
          try seen.insert(0)
          method = try optionalString()
        case "path":
          try seen.insert(1)
          path = try optionalString()
        default: try json.skipValue()
        }
      } while try json.nextMember()
    }
    return (method, path)
  }

  /// `requestContext.authorizer`: `claims` (1.0) and `jwt.claims` (2.0).
  private mutating func authorizer(into context: inout Context) throws(GiveUp) {
    guard !json.null() else { return }
    context.hasAuthorizer = true
    var seen = Seen()
    guard try json.openObject() else { return }
    repeat {
      switch try json.key() {
      case "claims":
        try seen.insert(0)
        context.claims = try claims()
      case "jwt":
        try seen.insert(1)
        guard !json.null() else { continue }
        context.hasJWT = true
        context.jwtClaims = try onlyMember("claims") { reader throws(GiveUp) in try reader.claims() }
      default: try json.skipValue()
      }
    } while try json.nextMember()
  }

  /// Claims: `sub` when it is there; the rest are skipped, whatever their types.
  private mutating func claims() throws(GiveUp) -> Claims? {
    guard !json.null() else { return nil }
    return Claims(sub: try onlyMember("sub") { reader throws(GiveUp) in try reader.optionalString() })
  }

  /// The value `read` makes of the member `name` of an object whose other members are skipped; nil when absent.
  private mutating func onlyMember<Value>(
    _ name: String, _ read: (inout APIGatewayEventReader) throws(GiveUp) -> Value?
  ) throws(GiveUp) -> Value? {
    var value: Value?
    var seen = Seen()
    if try json.openObject() {
      repeat {
        guard try json.key() == name else {
          try json.skipValue()
          continue
        }
        try seen.insert(0)
        value = try read(&self)
      } while try json.nextMember()
    }
    return value
  }

  /// A `String?` member: a string, or `null` for nil.
  private mutating func optionalString() throws(GiveUp) -> String? {
    json.null() ? nil : try json.string()
  }

  /// A `[String: String]?` member (headers, query and path parameters).
  private mutating func optionalMap() throws(GiveUp) -> [String: String]? {
    if json.null() { return nil }
    var map: [String: String] = [:]
    if try json.openObject() {
      repeat {
        let key = try json.key()
        guard map.updateValue(try json.string(), forKey: key) == nil else { throw GiveUp() }
      } while try json.nextMember()
    }
    return map
  }
}

extension APIGatewayRequest {
  /// The event in `bytes`, read without `JSONDecoder` when it is a plain one, with the names of the top-level members
  /// that are no part of it; nil when it is not plain (decode it with `JSONDecoder`, which then decides).
  package static func read(_ bytes: [UInt8]) -> (event: APIGatewayRequest, skippedMembers: [String])? {
    APIGatewayEventReader.read(bytes)
  }
}
