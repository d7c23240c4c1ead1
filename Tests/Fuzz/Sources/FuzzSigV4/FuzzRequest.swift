import FuzzSupport
import SigV4

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The parts of a fuzz input the signer takes.
struct FuzzRequest {
  /// Not a header: `X-Fuzz-Date: <seconds since 1970>` picks the signing time (else the suite's 2015-08-30T12:36Z).
  static let dateHeader = "x-fuzz-date"
  /// The latest instant with a four-digit year, as far as the signing time goes.
  static let latestSeconds: Int64 = 253_402_300_799

  var method: String
  /// The request target up to `?`, as written.
  var path: String
  /// After the first `?`, as written; nil without one.
  var query: String?
  var headers: [(name: String, value: String)]
  var body: [UInt8]
  var date: Date

  /// `METHOD target [HTTP/x.y]`: the target is everything between the first blank and a trailing version.
  init(_ message: FuzzMessage) {
    var line = Substring(message.startLine ?? "")
    let methodEnd = line.firstIndex(of: " ") ?? line.endIndex
    method = String(line[..<methodEnd])
    line = line[methodEnd...].dropFirst()
    if let versionStart = line.lastIndex(of: " "), line[versionStart...].hasPrefix(" HTTP/") {
      line = line[..<versionStart]
    }
    if let mark = line.firstIndex(of: "?") {
      path = String(line[..<mark])
      query = String(line[line.index(after: mark)...])
    } else {
      path = String(line)
      query = nil
    }
    var seconds: Int64 = 1_440_938_160
    headers = []
    for header in message.headers {
      if header.name.lowercased() == Self.dateHeader {
        seconds = min(max(Int64(header.value) ?? seconds, 0), Self.latestSeconds)
      } else {
        headers.append(header)
      }
    }
    body = message.body
    date = Date(timeIntervalSince1970: Double(seconds))
  }

  var signingRequest: SigningRequest {
    SigningRequest(method: method, path: path, query: query, headers: headers, payload: .bytes(body))
  }

  /// The absolute URL of the request, with the `Host` header (if any) as its authority.
  var url: String {
    let host = headers.first { $0.name.lowercased() == "host" }?.value ?? "example.amazonaws.com"
    return "https://" + host + path + (query.map { "?" + $0 } ?? "")
  }
}
