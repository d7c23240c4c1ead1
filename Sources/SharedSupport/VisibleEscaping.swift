/// Writes text so that a viewer prints every character of it, on the line it was written on, in the order written.
///
/// A log line is trusted by its shape: one event per line, the request id and level in fixed places. Text that
/// comes from an event must not be able to change that shape in any viewer, so every sequence a viewer could act
/// on instead of printing is replaced by a visible escape:
/// - the C0 controls and DEL: LF and CR start a new line (in CloudWatch, or by moving a terminal's cursor back over
///   the real request id), TAB shifts tab-separated fields, ESC starts terminal sequences that can erase a line;
/// - the C1 controls U+0080–U+009F: NEL (U+0085) is a line break to Unicode and CSI (U+009B) is ESC `[` to
///   terminals that honour 8-bit controls;
/// - U+2028 and U+2029, the Unicode line and paragraph separators, which some viewers break lines on;
/// - the bidirectional embedding, override and isolate controls U+202A–U+202E and U+2066–U+2069, which let text
///   from a message display before, and so appear to be, the fields written ahead of it.
///
/// Escapes are spelled as JSON spells them (`\n`, `\r`, `\t`, `\b`, `\f`, `\u001b`), so one rule serves JSON
/// strings and text lines and one reader decodes both. The work is on UTF-8 bytes, not `Character`s: a CR LF pair
/// is one `Character` and would slip past a comparison with `"\n"`.
package enum VisibleEscaping {
  /// Appends `text` to `output` with the sequences above escaped; with `escapingQuotes`, `"` and `\` too (inside
  /// a quoted JSON string or metadata value they would otherwise end it or start an escape).
  package static func append(_ text: String, to output: inout [UInt8], escapingQuotes: Bool) {
    var text = text
    // `withUTF8` lends a native string's own storage, so the common case copies nothing before the scan.
    text.withUTF8 { append($0, to: &output, escapingQuotes: escapingQuotes) }
  }

  static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], escapingQuotes: Bool) {
    var copiedUpTo = 0
    var index = 0
    while index < bytes.count {
      // Printable ASCII other than the quote and backslash, nearly every byte, needs no closer look.
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x7F && byte != quote && byte != backslash {
        index += 1
        continue
      }
      guard let found = escape(in: bytes, at: index, escapingQuotes: escapingQuotes) else {
        index += 1
        continue
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<index]))
      appendEscape(of: found.scalar, to: &output)
      index += found.length
      copiedUpTo = index
    }
    // Text with nothing to escape, nearly every log message, is copied here in one piece.
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<bytes.count]))
  }

  /// The scalar to escape and its length in bytes, when one starts at `index`.
  @inline(__always)
  static func escape(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, escapingQuotes: Bool) -> (
    scalar: UInt32, length: Int
  )? {
    let byte = bytes[index]
    if byte < 0x20 || byte == 0x7F { return (UInt32(byte), 1) }
    if escapingQuotes && (byte == quote || byte == backslash) { return (UInt32(byte), 1) }
    if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
      return (UInt32(bytes[index + 1]), 2)
    }
    if byte == 0xE2, index + 2 < bytes.count {
      let second = bytes[index + 1]
      let third = bytes[index + 2]
      guard second == 0x80 || second == 0x81, (0x80...0xBF).contains(third) else { return nil }
      let scalar = 0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
      if (0x2028...0x202E).contains(scalar) || (0x2066...0x2069).contains(scalar) { return (scalar, 3) }
    }
    return nil
  }

  private static let quote = UInt8(ascii: "\"")
  private static let backslash = UInt8(ascii: "\\")

  private static func appendEscape(of scalar: UInt32, to output: inout [UInt8]) {
    output.append(backslash)
    switch scalar {
    case 0x22: output.append(quote)
    case 0x5C: output.append(backslash)
    case 0x08: output.append(UInt8(ascii: "b"))
    case 0x09: output.append(UInt8(ascii: "t"))
    case 0x0A: output.append(UInt8(ascii: "n"))
    case 0x0C: output.append(UInt8(ascii: "f"))
    case 0x0D: output.append(UInt8(ascii: "r"))
    default:
      output.append(UInt8(ascii: "u"))
      for shift in stride(from: 12, through: 0, by: -4) {
        output.append(HexDigits.digit(UInt8(truncatingIfNeeded: scalar >> UInt32(shift))))
      }
    }
  }
}
