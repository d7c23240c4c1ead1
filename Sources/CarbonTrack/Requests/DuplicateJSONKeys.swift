/// Finds a member name that occurs twice in one JSON object.
///
/// JSON leaves duplicate names undefined and parsers disagree (first wins, last wins, error), so a body with one
/// can mean one thing to an API gateway or firewall that inspected it and another to us. We refuse it instead of
/// guessing. One pass over the bytes, no recursion (depth costs heap, not stack); names compare after unescaping,
/// so `"a"` and `"\u0061"` are the same name. Malformed JSON yields nil: the decoder that runs next reports it.
enum DuplicateJSONKeys {
  /// The first repeated name, or nil.
  static func first(in bytes: [UInt8]) -> String? {
    // One entry per open container: the names seen so far in an object, nil for an array.
    var containers: [Set<[UInt8]>?] = []
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "{"):
        containers.append([])
        index += 1
      case UInt8(ascii: "["):
        containers.append(nil)
        index += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if containers.popLast() == nil { return nil }
        index += 1
      case UInt8(ascii: "\""):
        guard let (name, end) = string(in: bytes, from: index + 1) else { return nil }
        index = end
        if nextSignificant(in: bytes, from: index) == UInt8(ascii: ":"), let last = containers.indices.last,
          containers[last] != nil
        {
          if containers[last]?.insert(name).inserted == false { return String(decoding: name, as: UTF8.self) }
        }
      default:
        index += 1
      }
    }
    return nil
  }

  private static func nextSignificant(in bytes: [UInt8], from start: Int) -> UInt8? {
    var index = start
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return bytes[index]
      }
    }
    return nil
  }

  /// The unescaped UTF-8 of the string starting after its opening quote, and the index after its closing quote.
  private static func string(in bytes: [UInt8], from start: Int) -> ([UInt8], Int)? {
    var value: [UInt8] = []
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") { return (value, index) }
      guard byte == UInt8(ascii: "\\") else {
        value.append(byte)
        continue
      }
      guard index < bytes.count else { return nil }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "u"):
        guard let (scalar, end) = unicodeEscape(in: bytes, from: index) else { return nil }
        value.append(contentsOf: String(Character(scalar)).utf8)
        index = end
      case UInt8(ascii: "n"): value.append(0x0A)
      case UInt8(ascii: "t"): value.append(0x09)
      case UInt8(ascii: "r"): value.append(0x0D)
      case UInt8(ascii: "b"): value.append(0x08)
      case UInt8(ascii: "f"): value.append(0x0C)
      default: value.append(escape)
      }
    }
    return nil
  }

  /// The scalar of `XXXX` (after `\u`), joining a surrogate pair with the `\uXXXX` that follows it.
  private static func unicodeEscape(in bytes: [UInt8], from start: Int) -> (Unicode.Scalar, Int)? {
    guard let high = hexQuad(in: bytes, at: start) else { return nil }
    if (0xD800..<0xDC00).contains(high), start + 10 <= bytes.count, bytes[start + 4] == UInt8(ascii: "\\"),
      bytes[start + 5] == UInt8(ascii: "u"), let low = hexQuad(in: bytes, at: start + 6),
      (0xDC00..<0xE000).contains(low)
    {
      return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)).map { ($0, start + 10) }
    }
    // A lone surrogate is no scalar; let it stand for U+FFFD as decoders that accept it do.
    return (Unicode.Scalar(high) ?? "\u{FFFD}", start + 4)
  }

  private static func hexQuad(in bytes: [UInt8], at start: Int) -> UInt32? {
    guard start + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for byte in bytes[start..<start + 4] {
      guard let digit = HexDigit.value(byte) else { return nil }
      value = value << 4 | UInt32(digit)
    }
    return value
  }
}
