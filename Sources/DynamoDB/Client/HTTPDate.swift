import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Parses the HTTP `Date` header (IMF-fixdate, e.g. `Thu, 26 Nov 2026 17:24:38 GMT`) for clock-skew correction.
enum HTTPDate {
  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// Nil unless every field is in its range (a four-digit year, a day the month has, a time of day): the header
  /// comes from the server, and unbounded numbers would overflow the day and second arithmetic below.
  static func parse(_ text: String) -> Date? {
    let parts = text.split(separator: " ")
    guard parts.count == 6, let day = Int(parts[1]), let month = months.firstIndex(of: String(parts[2])),
      let year = Int(parts[3]), (1...9999).contains(year),
      (1...CivilDay.daysIn(month: Int64(month) + 1, year: Int64(year))).contains(Int64(day))
    else { return nil }
    let clock = parts[4].split(separator: ":").compactMap { Int($0) }
    guard clock.count == 3, (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...60).contains(clock[2])
    else { return nil }
    let days = Int(CivilDay(uncheckedYear: Int64(year), month: Int64(month) + 1, day: Int64(day)).daysSinceEpoch)
    return Date(timeIntervalSince1970: Double(days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]))
  }
}
