#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A function URL response read from a streamed body in Lambda's HTTP integration format: a JSON prelude with the
/// status, headers and cookies, eight NUL bytes, then the body.
public struct FunctionURLResponse: Sendable, Equatable {
  /// The content type that marks a streamed response as one.
  public static let contentType = "application/vnd.awslambda.http-integration-response"
  static let separator = [UInt8](repeating: 0, count: 8)

  /// The HTTP status.
  public var statusCode: Int
  /// The HTTP headers.
  public var headers: [String: String]
  /// The `Set-Cookie` values.
  public var cookies: [String]
  /// The body after the prelude.
  public var body: [UInt8]

  private struct Prelude: Decodable {
    var statusCode: Int?
    var headers: [String: String]?
    var cookies: [String]?
  }

  /// Reads `streamedBody`; nil when it does not start with a prelude and its separator.
  public init?(streamedBody: [UInt8]) {
    guard let end = Self.preludeEnd(in: streamedBody),
      let prelude = try? JSONDecoder().decode(Prelude.self, from: Data(streamedBody[..<end]))
    else { return nil }
    statusCode = prelude.statusCode ?? 200
    headers = prelude.headers ?? [:]
    cookies = prelude.cookies ?? []
    body = Array(streamedBody[(end + Self.separator.count)...])
  }

  /// Where the separator starts, if `bytes` hold one.
  static func preludeEnd(in bytes: [UInt8]) -> Int? {
    guard bytes.count >= separator.count else { return nil }
    return (0...(bytes.count - separator.count)).first { start in
      bytes[start..<(start + separator.count)].allSatisfy { $0 == 0 }
    }
  }
}
