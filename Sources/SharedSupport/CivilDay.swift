/// A day of the proleptic Gregorian calendar, in UTC: the one date type of the package, for signing dates, ISO-8601
/// instants and the app's day, week and month keys.
///
/// Converts to and from a count of days since 1970-01-01 with Howard Hinnant's era-based algorithms
/// (`days_from_civil`, `civil_from_days`): exact for every day count, negative ones included, with no tables and no
/// Foundation calendar.
package struct CivilDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  package let year: Int64
  /// 1 … 12.
  package let month: Int64
  /// 1 … 31.
  package let day: Int64

  /// A day from components the caller has validated (see `daysIn(month:year:)`).
  package init(uncheckedYear year: Int64, month: Int64, day: Int64) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// A day from its components; nil unless they name a real calendar day.
  package init?(year: Int64, month: Int64, day: Int64) {
    guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
    self.init(uncheckedYear: year, month: month, day: day)
  }

  /// Exactly `YYYY-MM-DD`.
  package init?(iso8601 text: String) {
    var scanner = DigitScanner(Array(text.utf8))
    guard let days = ISO8601Instant.day(scanning: &scanner), scanner.isAtEnd else { return nil }
    self.init(daysSinceEpoch: days)
  }

  /// The day `days` days after 1970-01-01 (before it when negative).
  package init(daysSinceEpoch days: Int64) {
    // Count from 0000-03-01 so that each leap day falls at the end of its 400-year era.
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Days since 1970-01-01.
  package var daysSinceEpoch: Int64 {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  package var isoWeekday: Int64 {
    // 1970-01-01 was a Thursday (4).
    let shifted = daysSinceEpoch + 3
    return shifted - ISO8601Instant.floorDivide(shifted, 7) * 7 + 1
  }

  /// `YYYY-MM-DD`.
  package var iso8601: String { monthKey + "-" + ZeroPadded.string(day, width: 2) }

  /// `YYYY-MM`.
  package var monthKey: String { ZeroPadded.string(year, width: 4) + "-" + ZeroPadded.string(month, width: 2) }

  /// ISO-8601 week key `YYYY-Www` (weeks start on Monday; week 1 contains the year's first Thursday).
  package var isoWeekKey: String {
    let thursday = CivilDay(daysSinceEpoch: daysSinceEpoch - isoWeekday + 4)
    let firstDay = CivilDay(uncheckedYear: thursday.year, month: 1, day: 1)
    let week = (thursday.daysSinceEpoch - firstDay.daysSinceEpoch) / 7 + 1
    return ZeroPadded.string(thursday.year, width: 4) + "-W" + ZeroPadded.string(week, width: 2)
  }

  package var firstOfMonth: CivilDay { CivilDay(uncheckedYear: year, month: month, day: 1) }

  package var previousDay: CivilDay { CivilDay(daysSinceEpoch: daysSinceEpoch - 1) }

  package var firstOfPreviousMonth: CivilDay { firstOfMonth.previousDay.firstOfMonth }

  package var description: String { iso8601 }

  package static func < (lhs: CivilDay, rhs: CivilDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  package static func daysIn(month: Int64, year: Int64) -> Int64 {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Whether `year` has a 29 February.
  package static func isLeap(_ year: Int64) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }
}
