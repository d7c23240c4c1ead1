#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Publishes the current invocation's X-Ray trace header as `_X_AMZN_TRACE_ID`, as AWS SDKs expect.
enum TraceEnvironment {
  static let variable = "_X_AMZN_TRACE_ID"

  static func set(_ traceId: String?) {
    if let traceId {
      setenv(variable, traceId, 1)
    } else {
      unsetenv(variable)
    }
  }
}
