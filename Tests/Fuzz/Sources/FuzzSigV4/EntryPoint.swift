import FuzzSupport

/// One request to sign, written as an HTTP request (`GET /path?query HTTP/1.1`, header lines, blank line, body), as
/// in AWS's SigV4 test suite.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSigV4(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let request = FuzzRequest(FuzzMessage(Array(UnsafeRawBufferPointer(start: start, count: count)), hasStartLine: true))
  CanonicalFormChecks.check(request)
  SigningChecks.check(request)
  return 0
}
