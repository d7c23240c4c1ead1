/// The suite's plain-text request format: `METHOD target HTTP/1.1`, `Name:value` lines, a blank line, the body.
/// The target may contain spaces, so it runs up to the last ` HTTP/`.
struct RawHTTPRequest: Equatable {
  var method: String
  var path: String
  var query: String?
  var headers: [(name: String, value: String)]
  var body: String

  init(parsing text: String) throws {
    let (head, body) = Self.splitHeadAndBody(text)
    var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let requestLine = lines.removeFirst()
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
    headers = lines.filter { !$0.isEmpty }.map { line in
      let colon = line.firstIndex(of: ":") ?? line.endIndex
      return (String(line[..<colon]), colon < line.endIndex ? String(line[line.index(after: colon)...]) : "")
    }
    self.body = body
  }

  private static func splitHeadAndBody(_ text: String) -> (String, String) {
    guard let blank = text.range(of: "\n\n") else { return (text, "") }
    return (String(text[..<blank.lowerBound]), String(text[blank.upperBound...]))
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
    var description: String { "Not an HTTP request line: '\(line)'" }
  }
}
