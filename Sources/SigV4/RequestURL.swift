/// The parts of an absolute `scheme://authority/path?query` URL that signing needs, kept exactly as written.
public struct RequestURL: Sendable, Equatable {
  public var scheme: String
  /// Host with the port when one is written, as sent in the `Host` header.
  public var authority: String
  public var path: String
  public var query: String?

  public init?(_ url: String) {
    guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return nil }
    scheme = url[..<colon].lowercased()
    var rest = url[url.index(colon, offsetBy: 3)...]
    if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
    let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
    authority = String(rest[..<authorityEnd])
    guard !authority.isEmpty else { return nil }
    let pathAndQuery = rest[authorityEnd...]
    if let mark = pathAndQuery.firstIndex(of: "?") {
      path = String(pathAndQuery[..<mark])
      query = String(pathAndQuery[pathAndQuery.index(after: mark)...])
    } else {
      path = String(pathAndQuery)
      query = nil
    }
    if path.isEmpty { path = "/" }
  }

  /// The host without a port (IPv6 literals keep their brackets).
  public var hostName: String {
    if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
      return String(authority[...close])
    }
    return authority.split(separator: ":", maxSplits: 1).first.map(String.init) ?? authority
  }
}
