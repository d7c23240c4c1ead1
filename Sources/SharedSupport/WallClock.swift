/// Wall-clock time in the units the Runtime API uses.
package enum WallClock {
  /// Milliseconds since the Unix epoch.
  package static func nowMilliseconds() -> Int64 {
    let now = timespec.now()
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
  }
}

extension timespec {
  package static func now() -> timespec {
    var value = timespec()
    clock_gettime(CLOCK_REALTIME, &value)
    return value
  }
}
