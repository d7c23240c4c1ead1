import FuzzSupport

/// One DynamoDB response body, as the client reads it: the item fast path, `JSONDecoder` for every output type,
/// and the error parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzItemJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let body = Array(UnsafeRawBufferPointer(start: start, count: count))
  var items = FastPathAgreement.check(body)
  items += ResponseDecoding.check(body)
  for item in items { ItemChecks.check(item) }
  return 0
}
