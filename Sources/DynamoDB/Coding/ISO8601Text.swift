import CivilCalendar

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// ISO-8601 dates as `2026-11-26T17:00:00.123Z`, written and read directly (the format styles cost tens of
/// microseconds per date), with the format style as the fallback for other ISO-8601 shapes.
enum ISO8601Text {
  static let withFractionalSeconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
  static let plain = Date.ISO8601FormatStyle()

  /// UTC text rounded to the nearest millisecond.
  static func format(_ date: Date) -> String {
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let (days, dayMilliseconds) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
    let (dayNumber, msOfDay) = dayMilliseconds < 0 ? (days - 1, dayMilliseconds + 86_400_000) : (days, dayMilliseconds)
    let civil = CivilDay(daysSinceEpoch: Int(dayNumber))
    let (year, month, day) = (civil.year, civil.month, civil.day)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    func digits(_ value: Int, _ count: Int) {
      var divisor = 1
      for _ in 1..<count { divisor *= 10 }
      while divisor > 0 {
        bytes.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
        divisor /= 10
      }
    }
    let ms = Int(msOfDay)
    digits(year, 4)
    bytes.append(UInt8(ascii: "-"))
    digits(month, 2)
    bytes.append(UInt8(ascii: "-"))
    digits(day, 2)
    bytes.append(UInt8(ascii: "T"))
    digits(ms / 3_600_000, 2)
    bytes.append(UInt8(ascii: ":"))
    digits(ms / 60_000 % 60, 2)
    bytes.append(UInt8(ascii: ":"))
    digits(ms / 1000 % 60, 2)
    bytes.append(UInt8(ascii: "."))
    digits(ms % 1000, 3)
    bytes.append(UInt8(ascii: "Z"))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Parses ISO-8601 text; the common `yyyy-MM-ddTHH:mm:ss[.SSS]Z` shape without the format style.
  static func parse(_ text: String) -> Date? {
    if let date = parseFast(Array(text.utf8)) { return date }
    if let date = try? withFractionalSeconds.parse(text) { return date }
    return try? plain.parse(text)
  }

  private static func parseFast(_ bytes: [UInt8]) -> Date? {
    guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z"), bytes[4] == UInt8(ascii: "-"),
      bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":")
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = Int(bytes[index]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
      let minute = number(14..<16), let second = number(17..<19), (1...12).contains(month), (1...31).contains(day),
      hour < 24, minute < 60, second < 60
    else { return nil }
    var milliseconds = 0
    if bytes.count == 24 {
      guard bytes[19] == UInt8(ascii: "."), let fraction = number(20..<23) else { return nil }
      milliseconds = fraction
    }
    let days = CivilDay(year: year, month: month, day: day).daysSinceEpoch
    let whole = Int64(days) * 86_400_000 + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + milliseconds)
    return Date(timeIntervalSince1970: Double(whole) / 1000)
  }
}
