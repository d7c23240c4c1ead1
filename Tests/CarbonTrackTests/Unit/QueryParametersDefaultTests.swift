import Testing

@testable import CarbonTrack

@Suite struct QueryParametersDefaultTests {
  @Test func queryParametersDefaultsAndWholeDayUpperBound() throws {
    let now = Timestamp(iso8601: "2026-01-20T12:00:00Z")!
    let defaults = try QueryParameters([:], userId: "u1", now: now)
    #expect(defaults.limit == 20)
    #expect(defaults.range == nil)
    #expect(defaults.groupBy == .category)
    #expect(defaults.analyticsRange(now: now).from.iso8601 == "2025-12-22T00:00:00.000Z")
    let given = try QueryParameters(["from": "2026-01-01", "to": "2026-01-31", "limit": "100"], userId: "u1", now: now)
    #expect(given.range?.to.iso8601 == "2026-01-31T23:59:59.999Z")
    #expect(given.limit == 100)
    #expect(throws: CarbonTrackError.self) {
      try QueryParameters(["from": "2026-02-01", "to": "2026-01-01"], userId: "u1", now: now)
    }
  }
}
