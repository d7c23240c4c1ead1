import SharedSupport

/// One pass over a JSON request body for the two mistakes the decoder cannot name.
///
/// - A member name given twice in one object: JSON leaves that undefined and parsers disagree (first wins, last
///   wins, error), so a body with one can mean one thing to an API gateway or firewall that inspected it and
///   another to us. We refuse it instead of guessing. Names compare after unescaping (`"a"` equals `"\u0061"`).
/// - A number the decoder cannot convert (`1e400`, `1e-400`, `1.5` or `2^63` for a whole number): Foundation's
///   `JSONDecoder` reports those as "not valid JSON" without saying where, so the scan remembers which top-level
///   member held a number that could be the culprit.
///
/// No recursion (depth costs heap, not stack). Malformed JSON just stops the scan: the decoder reports it.
struct JSONBodyScan {
  /// The first name repeated within one object.
  private(set) var duplicateName: String?
  /// The first top-level member whose number no `Double` can hold (overflow, or a non-zero value that rounds to 0).
  private(set) var unrepresentableNumberMember: String?
  /// The first top-level member whose number is not a whole number in `Int`'s range.
  private(set) var fractionalNumberMember: String?
  /// How deeply arrays and objects nest (Foundation's decoder gives up at 512 levels, again without saying why).
  private(set) var depth = 0

  init(_ bytes: [UInt8]) {
    // One entry per open container: the names seen so far in an object, nil for an array.
    var containers: [Set<[UInt8]>?] = []
    var member: [UInt8]?
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        containers.append(bytes[index] == UInt8(ascii: "{") ? [] : nil)
        depth = max(depth, containers.count)
        index += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if containers.popLast() == nil { return }
        index += 1
      case UInt8(ascii: "\""):
        guard let (text, end) = Self.string(in: bytes, from: index + 1) else { return }
        index = end
        guard Self.nextSignificant(in: bytes, from: index) == UInt8(ascii: ":"), let last = containers.indices.last,
          containers[last] != nil
        else {
          member = nil
          continue
        }
        if containers[last]?.insert(text).inserted == false, duplicateName == nil {
          duplicateName = String(decoding: text, as: UTF8.self)
        }
        member = containers.count == 1 ? text : nil
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        if let member, containers.count == 1 { classify(number: bytes[start..<index], of: member) }
        member = nil
      default:
        index += 1
      }
    }
  }

  private mutating func classify(number: ArraySlice<UInt8>, of member: [UInt8]) {
    let text = String(decoding: number, as: UTF8.self)
    let name = String(decoding: member, as: UTF8.self)
    let value = Double(text)
    let isZeroLiteral = !number.contains { (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0) }
    if value.map({ !$0.isFinite || ($0 == 0 && !isZeroLiteral) }) ?? true {
      if unrepresentableNumberMember == nil { unrepresentableNumberMember = name }
    } else if Int(text) == nil, fractionalNumberMember == nil {
      fractionalNumberMember = name
    }
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
      UInt8(ascii: "e"), UInt8(ascii: "E"):
      return true
    default:
      return false
    }
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
    return HexDigits.quad(bytes[start], bytes[start + 1], bytes[start + 2], bytes[start + 3])
  }
}
