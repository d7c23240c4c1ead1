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
    let total = (0..<10).reduce(Int64(0)) { sum, _ in sum + Kilograms.micro(0.1) }
    #expect(Kilograms.kilograms(micro: total) == 1.0)
  }
}
