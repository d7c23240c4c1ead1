/// An exact DynamoDB number (up to 38 significant digits) kept as its decimal text; encodes as `N`.
public struct DynamoDBNumber: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
  /// The decimal text as sent to DynamoDB.
  public let text: String

  /// A number from its decimal text; `nil` unless `text` looks like a DynamoDB number.
  public init?(_ text: String) {
    guard Self.isValid(text) else { return nil }
    self.text = text
  }

  /// Wraps text already known to be a number (it came from DynamoDB).
  init(unchecked text: String) { self.text = text }

  /// A number from any integer, exactly.
  public init(_ value: some BinaryInteger) { self.text = String(value) }

  public init(integerLiteral value: Int64) { self.text = String(value) }

  public var description: String { text }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard Self.isValid(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "Not a number: \(text)"))
    }
    self.text = text
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }

  /// `[+-]digits[.digits][(e|E)[+-]digits]`.
  static func isValid(_ text: String) -> Bool {
    var bytes = text.utf8[...]
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    let integer = bytes.prefix(while: isDigit)
    bytes = bytes.dropFirst(integer.count)
    var fraction = 0
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      fraction = bytes.prefix(while: isDigit).count
      bytes = bytes.dropFirst(fraction)
    }
    guard integer.count + fraction > 0 else { return false }
    if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
      let exponent = bytes.prefix(while: isDigit).count
      guard exponent > 0 else { return false }
      bytes = bytes.dropFirst(exponent)
    }
    return bytes.isEmpty
  }
}
