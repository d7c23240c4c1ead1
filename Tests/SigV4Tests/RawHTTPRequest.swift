/// The suite's plain-text request format, read as the suite's own parser (in aws-c-auth's tests) reads it.
///
/// `METHOD target HTTP/1.1`, then `Name:value` lines up to the first empty line, then the body. The text is split
/// on LF bytes, as that parser splits it; a `Character` split would miss a CR LF pair, which Swift holds as one
/// `Character`. A header line that starts with whitespace continues the header before it: the value runs on over
/// the line break, unchanged, and it is the signer's job to fold it (case `get-header-value-multiline`). The
/// target may contain spaces, so it runs up to the last ` HTTP/`.
struct RawHTTPRequest: Equatable {
  var method: String
  var path: String
  var query: String?
  var headers: [(name: String, value: String)]
  var body: String

  init(parsing text: String) throws {
    var lines = Array(text.utf8).split(separator: Self.lineFeed, omittingEmptySubsequences: false)[...]
    let requestLine = String(decoding: lines.popFirst() ?? [], as: UTF8.self)
    guard let space = requestLine.firstIndex(of: " "),
      let version = requestLine.range(of: " HTTP/", options: .backwards)
    else { throw ParseError(line: requestLine) }
    method = String(requestLine[..<space])
    let target = requestLine[requestLine.index(after: space)..<version.lowerBound]
    if let mark = target.firstIndex(of: "?") {
      path = String(target[..<mark])
      query = String(target[target.index(after: mark)...])
    } else {
      path = String(target)
    }

    headers = []
    while let line = lines.popFirst(), !line.isEmpty {
      let text = String(decoding: line, as: UTF8.self)
      if let first = line.first, Self.isWhitespace(first) {
        guard !headers.isEmpty else { throw ParseError(line: text) }
        headers[headers.count - 1].value += "\n" + text
      } else if let colon = text.firstIndex(of: ":") {
        headers.append((String(text[..<colon]), String(text[text.index(after: colon)...])))
      } else {
        headers.append((text, ""))
      }
    }
    body = String(decoding: Array(lines.joined(separator: [Self.lineFeed])), as: UTF8.self)
  }

  private static let lineFeed = UInt8(ascii: "\n")

  /// C's `isspace`, which the suite's parser uses to recognise a continuation line.
  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
  }

  /// Headers as sorted `name:value` lines with lower-cased names, for order-insensitive comparison.
  var normalizedHeaders: [String] {
    headers.map { "\($0.name.lowercased()):\($0.value)" }.sorted()
  }

  /// Query parameters sorted, for order-insensitive comparison.
  var normalizedQuery: [String] {
    (query ?? "").split(separator: "&").map(String.init).sorted()
  }

  static func == (lhs: RawHTTPRequest, rhs: RawHTTPRequest) -> Bool {
    lhs.method == rhs.method && lhs.path == rhs.path && lhs.normalizedQuery == rhs.normalizedQuery
      && lhs.normalizedHeaders == rhs.normalizedHeaders && lhs.body == rhs.body
  }

  struct ParseError: Error, CustomStringConvertible {
    let line: String
    var description: String { "Not a request line or header line of the suite's format: '\(line)'" }
  }
}
