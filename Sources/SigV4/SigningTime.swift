import SharedSupport

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
    let days = ISO8601Instant.floorDivide(seconds, 86_400)
    let secondOfDay = seconds - days * 86_400
    let civil = CivilDay(daysSinceEpoch: days)
    let (year, month, day) = (civil.year, civil.month, civil.day)
    var digits: [UInt8] = []
    digits.reserveCapacity(16)
    for (value, width) in [(year, 4), (month, 2), (day, 2)] { ZeroPadded.append(value, width: width, to: &digits) }
    dateStamp = String(decoding: digits, as: UTF8.self)
    digits.append(UInt8(ascii: "T"))
    for value in [secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60] {
      ZeroPadded.append(value, width: 2, to: &digits)
    }
    digits.append(UInt8(ascii: "Z"))
    amzDate = String(decoding: digits, as: UTF8.self)
  }
}
