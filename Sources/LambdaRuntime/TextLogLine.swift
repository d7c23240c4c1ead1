import SharedSupport

/// Lambda's text log line: `timestamp<TAB>requestId<TAB>LEVEL<TAB>message[<TAB>key=value key=value…]<LF>`.
///
/// A reader trusts the line's shape: it ends at its only LF, and the request id and level are its second and third
/// tab-separated fields. Every field that can hold outside text is written through `VisibleEscaping`, so none
/// holds a raw LF, CR or TAB, and none can start a line or move a field.
///
/// The runtime used to turn LF into a raw CR, which kept a multi-line message in one CloudWatch event. A raw CR
/// still sends a terminal's cursor back to the start of the line, where the text after it overwrites the real
/// timestamp, request id and level, and a CR LF pair is a line break to most viewers; so CR is escaped like LF,
/// and a multi-line message stays one event and one line everywhere.
///
/// Metadata follows the message after a TAB of its own, not a space: a message cannot hold a raw TAB, so no text
/// in it can pass for metadata. A key or value holding a space, `=`, `"` or `\` is quoted, with `"` and `\` escaped
/// inside, so that a value cannot pass for a further `key=value` pair either.
///
/// A `\` in the message itself is left as it is. It can only make the message's own text ambiguous (a literal `\n`
/// reads like an escaped LF), never the line's shape, and leaving it keeps JSON bodies and regular expressions in
/// messages readable; the JSON format is the one to read when every byte of a message matters.
enum TextLogLine {
  static func render(
    timestamp: String, requestId: String, level: String, message: String,
    metadata: [(key: String, value: String)]
  ) -> [UInt8] {
    var line: [UInt8] = []
    line.reserveCapacity(
      timestamp.utf8.count + requestId.utf8.count + level.utf8.count + message.utf8.count + 8 + 32 * metadata.count)
    line.append(contentsOf: timestamp.utf8)
    line.append(tab)
    // An empty id would leave an empty field, which readers that drop empty fields would fill with the level.
    VisibleEscaping.append(requestId.isEmpty ? "-" : requestId, to: &line, escapingQuotes: false)
    line.append(tab)
    line.append(contentsOf: level.utf8)
    line.append(tab)
    VisibleEscaping.append(message, to: &line, escapingQuotes: false)
    for (index, pair) in metadata.enumerated() {
      line.append(index == 0 ? tab : space)
      appendToken(pair.key, to: &line)
      line.append(equals)
      appendToken(pair.value, to: &line)
    }
    line.append(lineFeed)
    return line
  }

  private static func appendToken(_ text: String, to line: inout [UInt8]) {
    if isBare(text) {
      VisibleEscaping.append(text, to: &line, escapingQuotes: false)
    } else {
      line.append(quote)
      VisibleEscaping.append(text, to: &line, escapingQuotes: true)
      line.append(quote)
    }
  }

  /// A key or value may stand unquoted when it is not empty and holds no space, control byte, `=`, `"` or `\`.
  /// A `\` in a bare token is then always one of `VisibleEscaping`'s, never the text's own.
  private static func isBare(_ text: String) -> Bool {
    !text.isEmpty
      && !text.utf8.contains { $0 <= space || $0 == 0x7F || $0 == equals || $0 == quote || $0 == backslash }
  }

  private static let tab = UInt8(ascii: "\t")
  private static let space = UInt8(ascii: " ")
  private static let equals = UInt8(ascii: "=")
  private static let quote = UInt8(ascii: "\"")
  private static let backslash = UInt8(ascii: "\\")
  private static let lineFeed = UInt8(ascii: "\n")
}
