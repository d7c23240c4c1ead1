import FuzzSupport

/// One event as Lambda would deliver it: an API Gateway v1/v2 proxy event, a direct action, or anything else.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAPIEvent(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let event = Array(UnsafeRawBufferPointer(start: start, count: count))
  DirectReadAgreement.check(event)
  RequestPieces.check(event)
  HandlerRun.check(event)
  return 0
}
