import SharedSupport
import Testing

@Suite struct CivilDayCalendarTests {
  @Test func convertsDaysBothWaysAcrossEras() throws {
    for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
      let date = CivilDay(daysSinceEpoch: days)
      #expect(date.daysSinceEpoch == days)
      #expect(CivilDay(year: date.year, month: date.month, day: date.day) == date)
    }
    #expect(CivilDay(daysSinceEpoch: 0).iso8601 == "1970-01-01")
    #expect(CivilDay(daysSinceEpoch: 11016).iso8601 == "2000-02-29")
  }

  @Test func rejectsImpossibleDates() {
    #expect(CivilDay(year: 2100, month: 2, day: 29) == nil)
    #expect(CivilDay(year: 2000, month: 2, day: 29) != nil)
    #expect(CivilDay(year: 2026, month: 4, day: 31) == nil)
    #expect(CivilDay(year: 2026, month: 0, day: 1) == nil)
  }

  @Test(arguments: [
    ("2026-11-26", 4, "2026-W48"),
    ("2021-01-03", 7, "2020-W53"),
    ("2024-12-30", 1, "2025-W01"),
    ("2026-01-01", 4, "2026-W01"),
  ])
  func isoWeekdayAndWeek(text: String, weekday: Int64, week: String) throws {
    let date = try #require(CivilDay(iso8601: text))
    #expect(date.isoWeekday == weekday)
    #expect(date.isoWeekKey == week)
  }

  @Test func monthNavigation() throws {
    let date = try #require(CivilDay(year: 2026, month: 1, day: 15))
    #expect(date.firstOfMonth.iso8601 == "2026-01-01")
    #expect(date.firstOfPreviousMonth.iso8601 == "2025-12-01")
    #expect(date.monthKey == "2026-01")
  }
}
