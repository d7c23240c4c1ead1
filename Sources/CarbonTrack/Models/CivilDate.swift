import SharedSupport

/// A proleptic Gregorian calendar date in UTC, with the conversions analytics need (day, ISO week, month keys).
package struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  package let year: Int64
  package let month: Int64
  package let day: Int64

  /// Creates a date if the components denote a real calendar day.
  package init?(year: Int64, month: Int64, day: Int64) {
    guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`.
  package init?(iso8601 text: String) {
    var scanner = DigitScanner(Array(text.utf8))
    guard let date = CivilDate(scanning: &scanner), scanner.isAtEnd else { return nil }
    self = date
  }

  /// The date `days` days after 1970-01-01 (negative for earlier dates).
  package init(daysSinceEpoch days: Int64) {
    let civil = CivilDay(daysSinceEpoch: Int(days))
    year = Int64(civil.year)
    month = Int64(civil.month)
    day = Int64(civil.day)
  }

  /// Days since 1970-01-01.
  package var daysSinceEpoch: Int64 {
    Int64(CivilDay(year: Int(year), month: Int(month), day: Int(day)).daysSinceEpoch)
  }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  package var isoWeekday: Int64 {
    // 1970-01-01 was a Thursday (4).
    Timestamp.floorMod(daysSinceEpoch + 3, 7) + 1
  }

  /// `YYYY-MM-DD`.
  package var iso8601: String {
    Timestamp.pad(year, 4) + "-" + Timestamp.pad(month, 2) + "-" + Timestamp.pad(day, 2)
  }

  /// `YYYY-MM`.
  package var monthKey: String { Timestamp.pad(year, 4) + "-" + Timestamp.pad(month, 2) }

  /// ISO-8601 week key `YYYY-Www` (weeks start on Monday; week 1 contains the year's first Thursday).
  package var isoWeekKey: String {
    let thursday = CivilDate(daysSinceEpoch: daysSinceEpoch - isoWeekday + 4)
    let firstDay = CivilDate(year: thursday.year, month: 1, day: 1) ?? thursday
    let week = (thursday.daysSinceEpoch - firstDay.daysSinceEpoch) / 7 + 1
    return Timestamp.pad(thursday.year, 4) + "-W" + Timestamp.pad(week, 2)
  }

  /// The first day of this date's month.
  package var firstOfMonth: CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch - day + 1) }

  /// The day before this one.
  package var previousDay: CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch - 1) }

  /// The first day of the previous month.
  package var firstOfPreviousMonth: CivilDate {
    CivilDate(daysSinceEpoch: firstOfMonth.daysSinceEpoch - 1).firstOfMonth
  }

  package var description: String { iso8601 }

  package static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    lhs.daysSinceEpoch < rhs.daysSinceEpoch
  }

  /// Scans `YYYY-MM-DD` at the start of `scanner`.
  init?(scanning scanner: inout DigitScanner) {
    guard let days = ISO8601Instant.day(scanning: &scanner) else { return nil }
    self.init(daysSinceEpoch: days)
  }

  static func daysIn(month: Int64, year: Int64) -> Int64 {
    Int64(CivilDay.daysIn(month: Int(month), year: Int(year)))
  }
}
