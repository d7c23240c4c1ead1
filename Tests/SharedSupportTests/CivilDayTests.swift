import SharedSupport
import Testing

@Suite struct CivilDayTests {
  @Test(arguments: [
    (0, 1970, 1, 1), (-1, 1969, 12, 31), (59, 1970, 3, 1), (11_016, 2000, 2, 29), (11_017, 2000, 3, 1),
    (19_782, 2024, 2, 29), (20_783, 2026, 11, 26), (-719_468, 0, 3, 1), (2_932_896, 9999, 12, 31),
    (-141_427, 1582, 10, 15),
  ])
  func knownDays(days: Int64, year: Int64, month: Int64, day: Int64) {
    #expect(CivilDay(daysSinceEpoch: days) == CivilDay(year: year, month: month, day: day))
    #expect(CivilDay(year: year, month: month, day: day)?.daysSinceEpoch == days)
  }

  @Test func everyDayOfEightHundredYearsRoundTripsAndFollowsTheLastOne() {
    var previous = CivilDay(daysSinceEpoch: -146_097 - 1)
    for days in Int64(-146_097)...146_097 {
      let civil = CivilDay(daysSinceEpoch: days)
      #expect(civil.daysSinceEpoch == days)
      let expected =
        if previous.day < CivilDay.daysIn(month: previous.month, year: previous.year) {
          CivilDay(uncheckedYear: previous.year, month: previous.month, day: previous.day + 1)
        } else if previous.month < 12 {
          CivilDay(uncheckedYear: previous.year, month: previous.month + 1, day: 1)
        } else {
          CivilDay(uncheckedYear: previous.year + 1, month: 1, day: 1)
        }
      if civil != expected {
        Issue.record("day \(days): \(civil), expected \(expected)")
        return
      }
      previous = civil
    }
  }

  @Test func leapYearsFollowTheGregorianRule() {
    #expect(CivilDay.isLeap(2024) && CivilDay.isLeap(2000) && CivilDay.isLeap(1600))
    #expect(!CivilDay.isLeap(1900) && !CivilDay.isLeap(2100) && !CivilDay.isLeap(2023))
    #expect(CivilDay.daysIn(month: 2, year: 2024) == 29)
    #expect(CivilDay.daysIn(month: 2, year: 1900) == 28)
    #expect(CivilDay.daysIn(month: 4, year: 2026) == 30)
    #expect(CivilDay.daysIn(month: 12, year: 2026) == 31)
  }
}
