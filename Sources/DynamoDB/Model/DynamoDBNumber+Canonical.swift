extension DynamoDBNumber {
  /// A number's value as significant digits and a power of ten: `-12.50` is (negative, "125", -1).
  struct Decomposed {
    var isNegative: Bool
    /// ASCII digits without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    var exponent: Int
  }

  /// `text` taken apart; nil for text that is not a number or whose exponent does not fit an `Int`.
  static func decompose(_ text: String) -> Decomposed? {
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
    return Decomposed(isNegative: isNegative && !digits.isEmpty, digits: digits, exponent: exponent)
  }

  /// One text per numeric value, so numbers compare as DynamoDB compares them: `1`, `+1`, `1.0`, `10e-1` and
  /// `0.1E1` are one key. It is the significant digits and a power of ten (`1E0`), `-` for negatives, `0` for
  /// every zero; `nil` for text that is not a number or whose exponent does not fit an `Int`.
  static func canonicalText(_ text: String) -> String? {
    guard let number = decompose(text) else { return nil }
    guard !number.digits.isEmpty else { return "0" }
    return (number.isNegative ? "-" : "") + String(decoding: number.digits, as: UTF8.self) + "E\(number.exponent)"
  }

  /// The value times 10^`decimals`, exactly when it has no more decimals than that, otherwise rounded half away
  /// from zero; nil when the result does not fit an `Int128` (DynamoDB numbers reach 9.9e125).
  ///
  /// This is how amounts kept as exact decimals (e.g. kilograms to six decimals) come back as exact integers,
  /// without the rounding a `Double` would add.
  public func scaled(byPowerOfTen decimals: Int) -> Int128? {
    if let plain = Self.plainDecimal(text), let result = plain.scaled(byPowerOfTen: decimals) { return result }
    guard let number = Self.decompose(text) else { return nil }
    let (shift, overflow) = number.exponent.addingReportingOverflow(decimals)
    guard !overflow, shift <= 38 else { return number.digits.isEmpty ? 0 : nil }
    var magnitude: Int128 = 0
    var roundUp = false
    let kept = number.digits.count + min(shift, 0)
    for (index, digit) in number.digits.enumerated() {
      let value = Int128(digit - UInt8(ascii: "0"))
      if index < kept {
        let (times, overflowed) = magnitude.multipliedReportingOverflow(by: 10)
        guard !overflowed else { return nil }
        magnitude = times + value
      } else if index == kept {
        roundUp = value >= 5
      }
    }
    for _ in 0..<max(shift, 0) {
      let (times, overflowed) = magnitude.multipliedReportingOverflow(by: 10)
      guard !overflowed else { return nil }
      magnitude = times
    }
    if roundUp {
      let (rounded, overflowed) = magnitude.addingReportingOverflow(1)
      guard !overflowed else { return nil }
      magnitude = rounded
    }
    return number.isNegative ? -magnitude : magnitude
  }
}
