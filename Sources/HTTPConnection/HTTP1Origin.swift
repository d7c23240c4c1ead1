/// Where requests go: scheme, host and port of an `http://` or `https://` URL.
public struct HTTP1Origin: Sendable, Hashable, CustomStringConvertible {
  public let isTLS: Bool
  /// The host to connect to (IPv6 literals without brackets).
  public let host: String
  public let port: Int
  /// The `Host` header value: the authority as written in the URL.
  public let authority: String

  /// The origin of an absolute URL; nil unless the scheme is http or https and the authority is well formed.
  public init?(url: String) {
    let lowered = url.prefix(8).lowercased()
    let rest: Substring
    if lowered.hasPrefix("https://") {
      isTLS = true
      rest = url.dropFirst(8)
    } else if lowered.hasPrefix("http://") {
      isTLS = false
      rest = url.dropFirst(7)
    } else {
      return nil
    }
    let authority = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
    var hostPart = authority
    var portPart: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { return nil }
      hostPart = authority[authority.index(after: authority.startIndex)..<close]
      let afterClose = authority[authority.index(after: close)...]
      if afterClose.hasPrefix(":") { portPart = afterClose.dropFirst() } else if !afterClose.isEmpty { return nil }
    } else if let colon = authority.firstIndex(of: ":") {
      hostPart = authority[..<colon]
      portPart = authority[authority.index(after: colon)...]
    }
    guard !hostPart.isEmpty else { return nil }
    if let portPart {
      guard let port = Int(portPart), (1...65535).contains(port) else { return nil }
      self.port = port
    } else {
      self.port = isTLS ? 443 : 80
    }
    host = String(hostPart)
    self.authority = String(authority)
  }

  public var description: String { (isTLS ? "https://" : "http://") + authority }
}
