extension DynamoDBNumber {
  /// A number written as `[-]digits[.digits]` with at most 18 digits, which is how DynamoDB returns nearly every
  /// stored amount and count: its digits fit a `UInt64`, so scaling it needs no digit array. Month items hold
  /// hundreds of such numbers, and `scaled(byPowerOfTen:)` reads each.
  struct PlainDecimal {
    var isNegative: Bool
    /// The digits as one integer: `-12.50` is 1250.
    var significand: UInt64
    /// How many of the digits follow the point: 2 for `-12.50`.
    var fractionDigits: Int

    /// The value times 10^`decimals`, rounded half away from zero as `scaled(byPowerOfTen:)` does; nil when the
    /// scale is outside what this form computes without overflow (the general path then decides).
    func scaled(byPowerOfTen decimals: Int) -> Int128? {
      guard (0...20).contains(decimals) else { return nil }
      var magnitude: Int128
      if fractionDigits <= decimals {
        // significand < 10^18 and the factor ≤ 10^20: the product stays below Int128.max (≈ 1.7e38).
        magnitude = Int128(significand) * Self.powerOfTen(decimals - fractionDigits)
      } else {
        let divisor = UInt64(Self.powerOfTen(fractionDigits - decimals))
        let (quotient, remainder) = significand.quotientAndRemainder(dividingBy: divisor)
        magnitude = Int128(quotient) + (remainder >= divisor - remainder ? 1 : 0)
      }
      return isNegative ? -magnitude : magnitude
    }

    private static func powerOfTen(_ exponent: Int) -> Int128 {
      var power: Int128 = 1
      for _ in 0..<exponent { power *= 10 }
      return power
    }
  }

  /// `text` as a `PlainDecimal`, or nil when it has another form (exponent, sign `+`, more than 18 digits).
  static func plainDecimal(_ text: String) -> PlainDecimal? {
    var significand: UInt64 = 0
    var digitCount = 0
    var fractionDigits = 0
    var isNegative = false
    var inFraction = false
    for (index, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digitCount += 1
        guard digitCount <= 18 else { return nil }
        significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
        if inFraction { fractionDigits += 1 }
      case UInt8(ascii: "-") where index == 0:
        isNegative = true
      case UInt8(ascii: "."):
        // The point needs digits on both sides ("1." and ".5" take the general path).
        guard !inFraction, digitCount > 0 else { return nil }
        inFraction = true
      default:
        return nil
      }
    }
    guard digitCount > 0, !inFraction || fractionDigits > 0 else { return nil }
    return PlainDecimal(isNegative: isNegative, significand: significand, fractionDigits: fractionDigits)
  }
}
