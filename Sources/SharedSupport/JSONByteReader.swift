/// Reads JSON straight from bytes, for the readers that stand in for `JSONDecoder` on documents whose shape they
/// know (DynamoDB's item responses, API Gateway's proxy events), one token at a time and without building a tree.
///
/// It is strict: anything outside RFC 8259 (a trailing comma, a number such as `01` or `1.`, a raw control byte in
/// a string, invalid UTF-8, a lone surrogate escape) throws `GiveUp`. Those readers then hand the document to
/// `JSONDecoder`, which decides, so what this reader refuses costs time, never a different answer; what it accepts
/// `JSONDecoder` accepts too. The caller reads objects as
/// `if try reader.openObject() { repeat { let key = try reader.key(); … the value … } while try reader.nextMember() }`.
package struct JSONByteReader {
  /// The document is not one this reader takes on; `JSONDecoder` decides.
  package struct GiveUp: Error {
    package init() {}
  }

  /// How deeply `skipValue` follows arrays and objects: it recurses once per level, so deeper input must not let a
  /// body of brackets exhaust the stack. No document these readers read nests half as deep.
  package static let maxSkippedNesting = 64

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  package init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// True when nothing but whitespace is left.
  package mutating func isAtEnd() -> Bool {
    skipWhitespace()
    return index == bytes.count
  }

  /// Reads `{`; true when a member follows, false when `}` closed the object at once.
  package mutating func openObject() throws(GiveUp) -> Bool { try open(UInt8(ascii: "{"), UInt8(ascii: "}")) }

  /// Reads `[`; true when an element follows, false when `]` closed the array at once.
  package mutating func openArray() throws(GiveUp) -> Bool { try open(UInt8(ascii: "["), UInt8(ascii: "]")) }

  /// After a member's value: true when `,` says another follows, false when `}` ended the object.
  package mutating func nextMember() throws(GiveUp) -> Bool { try next(closing: UInt8(ascii: "}")) }

  /// After an element: true when `,` says another follows, false when `]` ended the array.
  package mutating func nextElement() throws(GiveUp) -> Bool { try next(closing: UInt8(ascii: "]")) }

  /// A member's name and the `:` after it.
  package mutating func key() throws(GiveUp) -> String {
    let name = try string()
    skipWhitespace()
    try expect(UInt8(ascii: ":"))
    return name
  }

  /// `null`, consumed when it is the next value; false (nothing consumed) for any other value.
  package mutating func null() -> Bool {
    skipWhitespace()
    return matches("null")
  }

  package mutating func bool() throws(GiveUp) -> Bool {
    skipWhitespace()
    if matches("true") { return true }
    if matches("false") { return false }
    throw GiveUp()
  }

  /// A count as DynamoDB writes one: plain decimal digits without a leading zero, at most 18 (so it fits).
  package mutating func count() throws(GiveUp) -> Int {
    skipWhitespace()
    guard index < bytes.count,
      bytes[index] != UInt8(ascii: "0") || index + 1 == bytes.count || !Self.isDigit(bytes[index + 1])
    else { throw GiveUp() }
    var value = 0
    var digits = 0
    while index < bytes.count, Self.isDigit(bytes[index]) {
      // Counted before the multiplication: a 19th digit could overflow it.
      digits += 1
      guard digits <= 18 else { throw GiveUp() }
      value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
      index += 1
    }
    guard digits > 0 else { throw GiveUp() }
    return value
  }

  /// A JSON string; the escape-free common case is one copy, validated only when it is not all ASCII.
  package mutating func string() throws(GiveUp) -> String {
    skipWhitespace()
    try expect(UInt8(ascii: "\""))
    let start = index
    var ascii = true
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        defer { index += 1 }
        let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<index])
        return ascii ? String(decoding: utf8, as: UTF8.self) : try Self.text(utf8)
      }
      if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
      guard byte >= 0x20 else { throw GiveUp() }
      ascii = ascii && byte < 0x80
      index += 1
    }
    throw GiveUp()
  }

  /// Any one value, checked as strictly as the rest, without keeping it: a member the reader has no use for.
  package mutating func skipValue() throws(GiveUp) {
    try skipValue(depth: 0)
  }

  private mutating func skipValue(depth: Int) throws(GiveUp) {
    skipWhitespace()
    guard index < bytes.count else { throw GiveUp() }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      guard depth < Self.maxSkippedNesting else { throw GiveUp() }
      if try openObject() {
        repeat {
          _ = try key()
          try skipValue(depth: depth + 1)
        } while try nextMember()
      }
    case UInt8(ascii: "["):
      guard depth < Self.maxSkippedNesting else { throw GiveUp() }
      if try openArray() {
        repeat { try skipValue(depth: depth + 1) } while try nextElement()
      }
    case UInt8(ascii: "\""): try skipString()
    case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
    case UInt8(ascii: "n"): guard null() else { throw GiveUp() }
    default: try skipNumber()
    }
  }

  /// A string not kept: scanned in place unless it has an escape, which `string()` checks as it decodes.
  private mutating func skipString() throws(GiveUp) {
    let quote = index
    index += 1
    var ascii = true
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        if !ascii { _ = try Self.text(UnsafeBufferPointer(rebasing: bytes[quote + 1..<index])) }
        index += 1
        return
      }
      if byte == UInt8(ascii: "\\") {
        index = quote
        _ = try string()
        return
      }
      guard byte >= 0x20 else { throw GiveUp() }
      ascii = ascii && byte < 0x80
      index += 1
    }
    throw GiveUp()
  }

  /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, RFC 8259's number.
  private mutating func skipNumber() throws(GiveUp) {
    if peek() == UInt8(ascii: "-") { index += 1 }
    if peek() == UInt8(ascii: "0") {
      index += 1
    } else {
      try digits()
    }
    if peek() == UInt8(ascii: ".") {
      index += 1
      try digits()
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      index += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
      try digits()
    }
  }

  /// One or more decimal digits.
  private mutating func digits() throws(GiveUp) {
    let start = index
    while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
    guard index > start else { throw GiveUp() }
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private mutating func open(_ bracket: UInt8, _ closing: UInt8) throws(GiveUp) -> Bool {
    skipWhitespace()
    try expect(bracket)
    skipWhitespace()
    guard peek() == closing else { return true }
    index += 1
    return false
  }

  private mutating func next(closing: UInt8) throws(GiveUp) -> Bool {
    skipWhitespace()
    guard index < bytes.count else { throw GiveUp() }
    let byte = bytes[index]
    index += 1
    if byte == UInt8(ascii: ",") { return true }
    guard byte == closing else { throw GiveUp() }
    return false
  }

  private mutating func escapedString(from start: Int) throws(GiveUp) -> String {
    var utf8 = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return try utf8.withUnsafeBufferPointer { buffer throws(GiveUp) in try Self.text(buffer) }
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { throw GiveUp() }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape())
        default: throw GiveUp()
        }
      default:
        guard byte >= 0x20 else { throw GiveUp() }
        utf8.append(byte)
      }
    }
    throw GiveUp()
  }

  /// The UTF-8 of `\uXXXX` (already past `\u`), joining a surrogate pair; lone surrogates give up.
  private mutating func unicodeEscape() throws(GiveUp) -> String.UTF8View {
    let unit = try hex4()
    var scalar: Unicode.Scalar?
    if (0xD800..<0xDC00).contains(unit) {
      guard matches("\\u") else { throw GiveUp() }
      let low = try hex4()
      guard (0xDC00..<0xE000).contains(low) else { throw GiveUp() }
      scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
    } else {
      scalar = Unicode.Scalar(unit)
    }
    guard let scalar else { throw GiveUp() }
    return String(Character(scalar)).utf8
  }

  private mutating func hex4() throws(GiveUp) -> UInt32 {
    guard bytes.count - index >= 4,
      let value = HexDigits.quad(bytes[index], bytes[index + 1], bytes[index + 2], bytes[index + 3])
    else { throw GiveUp() }
    index += 4
    return value
  }

  /// Invalid UTF-8 gives up. Decoding repairs each invalid sequence to U+FFFD, which changes the bytes, so
  /// comparing them is the validation (`String(validating:as:)` costs a generic metadata lookup per call).
  private static func text(_ utf8: UnsafeBufferPointer<UInt8>) throws(GiveUp) -> String {
    let text = String(decoding: utf8, as: UTF8.self)
    guard text.utf8.elementsEqual(utf8) else { throw GiveUp() }
    return text
  }

  private mutating func matches(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard bytes.count - index >= count else { return false }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
    index += count
    return true
  }

  private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func expect(_ byte: UInt8) throws(GiveUp) {
    guard index < bytes.count, bytes[index] == byte else { throw GiveUp() }
    index += 1
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
      default: return
      }
    }
  }
}
