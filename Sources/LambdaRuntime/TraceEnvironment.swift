import SharedSupport

/// Publishes the current invocation's X-Ray trace header as `_X_AMZN_TRACE_ID`, as AWS SDKs expect.
///
/// `setenv` with a new value on every invoke leaks in glibc (old values are never freed: ~100 bytes per invoke),
/// so the variable lives in one buffer handed to `putenv` once and rewritten in place.
enum TraceEnvironment {
  static let variable = "_X_AMZN_TRACE_ID"
  private static let capacity = 4096

  // Only the runtime loop (one task, one invocation at a time) touches this.
  nonisolated(unsafe) private static let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
  nonisolated(unsafe) private static var isInstalled = false

  static func set(_ traceId: String?) {
    guard let traceId else {
      if isInstalled { unsetenv(variable) }
      isInstalled = false
      return
    }
    let entry = Array((variable + "=" + traceId).utf8CString)
    guard entry.count <= capacity else {
      // Longer than any real trace header; fall back to the leaking call rather than truncate.
      if isInstalled { unsetenv(variable) }
      isInstalled = false
      setenv(variable, traceId, 1)
      return
    }
    entry.withUnsafeBufferPointer { source in
      guard let base = source.baseAddress else { return }
      buffer.update(from: base, count: entry.count)
    }
    if !isInstalled {
      putenv(buffer)
      isInstalled = true
    }
  }
}
