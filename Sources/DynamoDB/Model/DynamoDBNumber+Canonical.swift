extension DynamoDBNumber {
  /// One text per numeric value, so numbers compare as DynamoDB compares them: `1`, `+1`, `1.0`, `10e-1` and
  /// `0.1E1` are one key. It is the significant digits and a power of ten (`1E0`), `-` for negatives, `0` for
  /// every zero; `nil` for text that is not a number or whose exponent does not fit an `Int`.
  static func canonicalText(_ text: String) -> String? {
    guard isValid(text) else { return nil }
    var bytes = text.utf8[...]
    let isNegative = bytes.first == UInt8(ascii: "-")
    if isNegative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
    var digits: [UInt8] = []
    var exponent = 0
    var inFraction = false
    while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if byte == UInt8(ascii: ".") {
        inFraction = true
        continue
      }
      if inFraction { exponent -= 1 }
      if !digits.isEmpty || byte != UInt8(ascii: "0") { digits.append(byte) }
    }
    if !bytes.isEmpty {
      guard let written = Int(Substring(bytes.dropFirst())) else { return nil }
      let (sum, overflow) = exponent.addingReportingOverflow(written)
      guard !overflow else { return nil }
      exponent = sum
    }
    while digits.last == UInt8(ascii: "0") {
      digits.removeLast()
      exponent += 1
    }
    guard !digits.isEmpty else { return "0" }
    return (isNegative ? "-" : "") + String(decoding: digits, as: UTF8.self) + "E\(exponent)"
  }
}
