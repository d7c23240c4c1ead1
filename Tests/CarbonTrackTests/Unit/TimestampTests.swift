import Foundation
import SharedSupport
import Testing

@testable import CarbonTrack

@Suite struct TimestampTests {
  @Test func formatsFixedWidthUTCWithMilliseconds() {
    #expect(Timestamp(millisecondsSinceEpoch: 0).iso8601 == "1970-01-01T00:00:00.000Z")
    #expect(Timestamp(millisecondsSinceEpoch: 1_764_177_885_123).iso8601 == "2025-11-26T17:24:45.123Z")
    #expect(Timestamp(millisecondsSinceEpoch: -1).iso8601 == "1969-12-31T23:59:59.999Z")
  }

  @Test(arguments: [
    ("2026-02-28T23:59:59.999Z", "2026-02-28T23:59:59.999Z"),
    ("2024-02-29", "2024-02-29T00:00:00.000Z"),
    ("2026-01-31T12:00Z", "2026-01-31T12:00:00.000Z"),
    ("2026-01-31T12:00:00+02:00", "2026-01-31T10:00:00.000Z"),
    ("2026-01-01T00:30:00-01:00", "2026-01-01T01:30:00.000Z"),
    ("2026-01-31T12:00:00.5Z", "2026-01-31T12:00:00.500Z"),
    ("2026-01-31T12:00:00.123456Z", "2026-01-31T12:00:00.123Z"),
  ])
  func parsesAcceptedForms(input: String, expected: String) {
    #expect(Timestamp(iso8601: input)?.iso8601 == expected)
  }

  @Test(arguments: [
    "", "2026", "2026-13-01", "2026-02-29", "2026-01-31T24:00:00Z", "2026-01-31T12:00:00",
    "2026-01-31T12:00:00.Z", "2026-01-31 12:00:00Z", "2026-01-31T12:00:00Zjunk", "x026-01-31",
  ])
  func rejectsMalformedInput(input: String) {
    #expect(Timestamp(iso8601: input) == nil)
  }

  @Test func roundTripsThroughCodable() throws {
    let value = Timestamp(millisecondsSinceEpoch: 1_700_000_000_042)
    let data = try JSONEncoder().encode([value])
    #expect(String(decoding: data, as: UTF8.self) == #"["2023-11-14T22:13:20.042Z"]"#)
    #expect(try JSONDecoder().decode([Timestamp].self, from: data) == [value])
  }

  @Test func dayBoundaries() throws {
    let day = try #require(CivilDay(year: 2026, month: 3, day: 1))
    #expect(Timestamp(startOf: day).iso8601 == "2026-03-01T00:00:00.000Z")
    #expect(Timestamp(endOf: day).iso8601 == "2026-03-01T23:59:59.999Z")
    #expect(Timestamp(endOf: day).day == day)
  }
}
