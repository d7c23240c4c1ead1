import SharedSupport
import Testing

@Suite struct ISO8601InstantTests {
  @Test(arguments: [
    (Int64(0), "1970-01-01T00:00:00.000Z"), (-1, "1969-12-31T23:59:59.999Z"),
    (1_795_678_530_250, "2026-11-26T07:35:30.250Z"), (951_782_400_000, "2000-02-29T00:00:00.000Z"),
    (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
  ])
  func formatsTwentyFourCharacters(milliseconds: Int64, text: String) {
    #expect(ISO8601Instant.text(millisecondsSinceEpoch: milliseconds) == text)
    #expect(ISO8601Instant.milliseconds(from: text) == milliseconds)
  }

  @Test(arguments: [
    ("2026-11-26", Int64(1_795_651_200_000)), ("2026-11-26T07:35Z", 1_795_678_500_000),
    ("2026-11-26t07:35:30z", 1_795_678_530_000), ("2026-11-26T09:35:30.25+02:00", 1_795_678_530_250),
    ("2026-11-26T02:05:30.123987-05:30", 1_795_678_530_123),
  ])
  func readsTheShapesAWSWrites(text: String, milliseconds: Int64) {
    #expect(ISO8601Instant.milliseconds(from: text) == milliseconds)
  }

  @Test func keepsNanosecondsAndRoundsSecondsDown() throws {
    let fine = try #require(ISO8601Instant.instant(from: "2026-11-26T07:35:30.123456789Z"))
    #expect(fine.secondsSinceEpoch == 1_795_678_530 && fine.nanoseconds == 123_456_789)
    let early = try #require(ISO8601Instant.instant(from: "1969-12-31T23:59:59.5Z"))
    #expect(early.secondsSinceEpoch == -1 && early.nanoseconds == 500_000_000)
  }

  @Test(arguments: [
    "", "2026-02-30", "2026-13-01", "2026-11-26T24:00Z", "2026-11-26T07:60Z", "2026-11-26T07:35:60Z",
    "2026-11-26T07:35:30", "2026-11-26T07:35:30.Z", "2026-11-26T07:35:30+2:00", "2026-11-26 07:35:30Z",
    "26-11-26T07:35:30Z", "2026-11-26T07:35:30Zjunk",
  ])
  func rejectsAnythingElse(text: String) {
    #expect(ISO8601Instant.milliseconds(from: text) == nil)
  }
}
