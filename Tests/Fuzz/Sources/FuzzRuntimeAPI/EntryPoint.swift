import FuzzSupport

/// One answer to `GET /runtime/invocation/next`: `Lambda-Runtime-*` header lines, a blank line, the event.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuntimeAPI(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let message = FuzzMessage(Array(UnsafeRawBufferPointer(start: start, count: count)), hasStartLine: false)
  NextResponseChecks.check(message)
  return 0
}
