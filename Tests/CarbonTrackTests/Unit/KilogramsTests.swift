import Testing

@testable import CarbonTrack

@Suite struct KilogramsTests {
  @Test(arguments: [
    (0.0, "0"), (3.0, "3"), (12.5, "12.5"), (0.1, "0.1"), (0.000001, "0.000001"), (-2.25, "-2.25"),
    (1_000_000_000.0, "1000000000"), (0.0000004, "0"), (1.23456789, "1.234568"),
  ])
  func formatsPlainDecimals(value: Double, expected: String) {
    #expect(Kilograms.decimalString(value) == expected)
  }

  @Test func sumsExactlyInMicroUnits() {
    let total = Kilograms.sum(Array(repeating: Kilograms.micro(0.1), count: 10))
    #expect(Kilograms.kilograms(micro: total) == 1.0)
  }

  /// Each of these trapped (SIGILL) when converting to or summing in Int64 micro-kg.
  @Test(arguments: [1e13, -1e13, 1e20, 9.9e125, -9.9e125, Double.greatestFiniteMagnitude, .infinity, -.infinity, .nan])
  func convertsAnyDoubleWithoutTrapping(kg: Double) {
    let micro = Kilograms.micro(kg)
    #expect(abs(micro) <= Int64(Kilograms.largestExact * 1_000_000))
    _ = Kilograms.decimalString(kg)
    let rounded = Kilograms.rounded(kg)
    #expect(rounded == kg || (rounded.isNaN && kg.isNaN))
  }

  @Test func sumsOfTheLargestAmountsDoNotOverflow() {
    let largest = Kilograms.micro(Kilograms.largestExact)
    let sum = Kilograms.sum(Array(repeating: largest, count: 10_000))
    #expect(sum == Int128(largest) * 10_000)
    #expect(Kilograms.kilograms(micro: sum) == Kilograms.largestExact * 10_000)
    #expect(Kilograms.decimalString(micro: sum) == "90000000000000000")
  }

  @Test func theUserTotalCapIsExactInMicroUnits() {
    #expect(Kilograms.micro(Kilograms.maximumTotal) == 1_000_000_000_000_000_000)
    #expect(Kilograms.maximumTotal <= Kilograms.largestExact)
  }
}
