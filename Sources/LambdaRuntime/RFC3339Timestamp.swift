import SharedSupport

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
    ISO8601Instant.text(millisecondsSinceEpoch: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000)
  }
}
