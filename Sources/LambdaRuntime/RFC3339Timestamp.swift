#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Formats wall-clock time as RFC 3339 UTC with milliseconds, e.g. `2026-11-26T17:30:00.123Z`.
enum RFC3339Timestamp {
  static func now() -> String {
    format(timespec.now())
  }

  static func format(_ time: timespec) -> String {
    var seconds = time_t(time.tv_sec)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    var text = ""
    text.reserveCapacity(24)
    append(Int(parts.tm_year) + 1900, width: 4, to: &text)
    text += "-"
    append(Int(parts.tm_mon) + 1, width: 2, to: &text)
    text += "-"
    append(Int(parts.tm_mday), width: 2, to: &text)
    text += "T"
    append(Int(parts.tm_hour), width: 2, to: &text)
    text += ":"
    append(Int(parts.tm_min), width: 2, to: &text)
    text += ":"
    append(Int(parts.tm_sec), width: 2, to: &text)
    text += "."
    append(Int(time.tv_nsec) / 1_000_000, width: 3, to: &text)
    text += "Z"
    return text
  }

  private static func append(_ value: Int, width: Int, to text: inout String) {
    let digits = String(value)
    if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
    text += digits
  }
}
