#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A signing instant in the two UTC forms SigV4 uses: `20150830T123600Z` and `20150830`.
struct SigningTime: Sendable, Equatable {
  let amzDate: String
  let dateStamp: String

  init(_ date: Date) {
    let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
    var digits: [UInt8] = []
    digits.reserveCapacity(16)
    for (value, width) in [(year, 4), (month, 2), (day, 2)] { Self.append(value, width: width, to: &digits) }
    dateStamp = String(decoding: digits, as: UTF8.self)
    digits.append(UInt8(ascii: "T"))
    for value in [secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60] {
      Self.append(value, width: 2, to: &digits)
    }
    digits.append(UInt8(ascii: "Z"))
    amzDate = String(decoding: digits, as: UTF8.self)
  }

  /// Converts days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
  private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
    let shifted = daysSinceEpoch + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// Appends `value` as exactly `width` decimal digits (zero-padded; years past 9999 are out of SigV4's range).
  private static func append(_ value: Int64, width: Int, to digits: inout [UInt8]) {
    var divisor: Int64 = 1
    for _ in 1..<width { divisor *= 10 }
    while divisor > 0 {
      digits.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
      divisor /= 10
    }
  }
}
