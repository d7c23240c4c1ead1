import SharedSupport
import Testing

@Suite struct DurationUnitsTests {
  @Test func millisecondsTextRoundsToHundredths() {
    #expect(Duration.milliseconds(3).millisecondsText == "3.00")
    #expect(Duration.nanoseconds(4_999).millisecondsText == "0.00")
    #expect(Duration.microseconds(10_005).millisecondsText == "10.01")
  }

  @Test func wholeMillisecondsRoundDownOrUpAsAsked() {
    #expect(Duration.microseconds(2_001).wholeMilliseconds() == 2)
    #expect(Duration.microseconds(2_001).wholeMilliseconds(roundingUp: true) == 3)
    #expect(Duration.milliseconds(2).wholeMilliseconds(roundingUp: true) == 2)
    #expect(Duration.zero.wholeMilliseconds(roundingUp: true) == 0)
  }

  @Test func hugeDurationsSaturateInsteadOfTrapping() {
    let huge = Duration.seconds(Int64.max)
    #expect(huge.wholeNanoseconds == .max)
    #expect(huge.wholeMilliseconds() == .max)
    #expect(huge.wholeMilliseconds(roundingUp: true) == .max)
    #expect(Duration.seconds(Int64.min).wholeNanoseconds == .min)
    #expect(Duration.seconds(Int64.min).wholeMilliseconds() == .min)
    #expect((Duration.seconds(Int64.max / 1_000_000_000) + .nanoseconds(999_999_999)).wholeNanoseconds == .max)
    #expect(huge.millisecondsText == "92233720368547758.07")
  }

  @Test func fractionalFiguresKeepTheirFraction() {
    #expect(Duration.microseconds(1_500).milliseconds == 1.5)
    #expect(Duration.milliseconds(2_500).seconds == 2.5)
  }
}
