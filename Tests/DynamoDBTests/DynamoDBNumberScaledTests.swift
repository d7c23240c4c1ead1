import Testing

@testable import DynamoDB

/// Decimals stored by DynamoDB come back as exact integers (e.g. kilograms as micro-kilograms), whatever their
/// spelling, and numbers no `Int128` holds come back nil instead of trapping.
@Suite("DynamoDBNumber.scaled")
struct DynamoDBNumberScaledTests {
  @Test(arguments: [
    ("1.5", 6, Int128(1_500_000)), ("-1.5", 6, -1_500_000), ("0", 6, 0), ("-0", 6, 0), ("0.000000", 6, 0),
    ("1E0", 6, 1_000_000), ("15e-1", 6, 1_500_000), ("+2", 0, 2), ("0.0000005", 6, 1), ("0.00000049", 6, 0),
    ("-0.0000005", 6, -1), ("123456.123456", 6, 123_456_123_456), ("1e-400", 6, 0), ("0e9999999", 6, 0),
    ("1000000000000", 6, 1_000_000_000_000_000_000),
    (
      "99999999999999999999999999999999", 0,
      99_999_999_999_999_999_999_999_999_999_999
    ),
  ])
  func scalesExactly(_ text: String, _ decimals: Int, _ expected: Int128) {
    #expect(DynamoDBNumber(text)?.scaled(byPowerOfTen: decimals) == expected)
  }

  @Test(arguments: [
    "9.9E+125", "-9.9E+125", "1e38", "170141183460469231731687303715884105727.5", "1e9223372036854775807",
  ])
  func numbersBeyondInt128AreNil(_ text: String) {
    #expect(DynamoDBNumber(text) != nil)
    #expect(DynamoDBNumber(text)?.scaled(byPowerOfTen: 6) == nil)
  }

  @Test func roundingUpAtTheEdgeOfInt128IsNilNotATrap() {
    let max = String(Int128.max)
    #expect(DynamoDBNumber(max + ".5")?.scaled(byPowerOfTen: 0) == nil)
    #expect(DynamoDBNumber(max + ".4")?.scaled(byPowerOfTen: 0) == Int128.max)
    #expect(DynamoDBNumber("-" + max + ".5")?.scaled(byPowerOfTen: 0) == nil)
  }

  /// Plain decimals take a shorter path than other spellings; both must agree on every value and rounding,
  /// including the 18-digit edge of that path and the halves it rounds.
  @Test func plainDecimalsScaleAsTheirExponentSpellingDoes() {
    var generator = SystemRandomNumberGenerator()
    var texts = ["0.5", "-0.5", "0.0000005", "0.00000049", "999999999999999999", "99999999999999999.9", "1.000000"]
    for _ in 0..<2000 {
      let digits = String(
        (0..<Int.random(in: 1...18, using: &generator)).map { _ in
          Character(String(Int.random(in: 0...9, using: &generator)))
        })
      let point = Int.random(in: 0..<digits.count, using: &generator)
      let text = point == 0 ? digits : String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
      texts.append(Bool.random(using: &generator) ? "-" + text : text)
    }
    for text in texts {
      let fraction = text.split(separator: ".").dropFirst().first?.count ?? 0
      let exponentSpelling = text.filter { $0 != "." } + "e-\(fraction)"
      #expect(DynamoDBNumber.plainDecimal(text) != nil, "\(text)")
      for decimals in [0, 2, 6, 20] {
        #expect(
          DynamoDBNumber(text)?.scaled(byPowerOfTen: decimals)
            == DynamoDBNumber(exponentSpelling)?.scaled(byPowerOfTen: decimals), "\(text) × 10^\(decimals)")
      }
    }
    for other in ["1e5", "+1", "1.", ".5", "1234567890123456789", "-"] {
      #expect(DynamoDBNumber.plainDecimal(other) == nil, "\(other)")
    }
  }
}
