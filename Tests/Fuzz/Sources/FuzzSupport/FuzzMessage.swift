/// An HTTP-like text message read from fuzz input: an optional start line, `name: value` header lines, a blank
/// line, then the body.
///
/// The shape of the seed files (and of AWS's SigV4 suite's `.req` files), so that seeds stay readable and mutations
/// of one header do not disturb the others. It never fails: every byte string is some message.
public struct FuzzMessage {
  /// The first line when the message has one (`GET /path?query HTTP/1.1`), without its line break.
  public var startLine: String?
  /// Header names and values as written, without the colon and the blank after it.
  public var headers: [(name: String, value: String)] = []
  /// Everything after the first blank line.
  public var body: [UInt8] = []

  /// Splits `bytes` at LF (a CR before it is dropped); a line without a colon is a header with an empty value.
  public init(_ bytes: [UInt8], hasStartLine: Bool) {
    var lineStart = 0
    var isFirstLine = hasStartLine
    var index = 0
    while index <= bytes.count {
      guard index == bytes.count || bytes[index] == UInt8(ascii: "\n") else {
        index += 1
        continue
      }
      var line = bytes[lineStart..<index]
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      if isFirstLine {
        startLine = String(decoding: line, as: UTF8.self)
        isFirstLine = false
      } else if line.isEmpty {
        body = index < bytes.count ? Array(bytes[(index + 1)...]) : []
        return
      } else {
        headers.append(Self.header(line))
      }
      index += 1
      lineStart = index
    }
  }

  private static func header(_ line: ArraySlice<UInt8>) -> (name: String, value: String) {
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
      return (String(decoding: line, as: UTF8.self), "")
    }
    var valueStart = colon + 1
    if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
    return (String(decoding: line[..<colon], as: UTF8.self), String(decoding: line[valueStart...], as: UTF8.self))
  }
}
