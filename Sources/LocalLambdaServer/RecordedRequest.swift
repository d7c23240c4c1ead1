/// A request the local server received, kept so tests can assert what the Runtime API saw.
public struct RecordedRequest: Sendable, Equatable {
  /// HTTP method, e.g. `POST`.
  public var method: String
  /// Request target, e.g. `/2018-06-01/runtime/invocation/next`.
  public var path: String
  /// Headers in arrival order.
  public var headers: [Header]
  /// The body bytes (of a chunked request, the chunks joined).
  public var body: [UInt8]
  /// The trailers of a chunked request.
  public var trailers: [Header] = []

  public struct Header: Sendable, Equatable {
    /// The header name as sent.
    public var name: String
    public var value: String
  }

  /// The first value of a header, matched case-insensitively.
  public func header(_ name: String) -> String? {
    let lowered = name.lowercased()
    return headers.first { $0.name.lowercased() == lowered }?.value
  }

  /// The first value of a trailer, matched case-insensitively.
  public func trailer(_ name: String) -> String? {
    let lowered = name.lowercased()
    return trailers.first { $0.name.lowercased() == lowered }?.value
  }

  public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
