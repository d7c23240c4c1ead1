/// A handler as the loop runs it, whatever form it was written in.
enum HandlerBody: Sendable {
  /// Bytes in, bytes out: the response is posted whole.
  case buffered(@Sendable ([UInt8], LambdaContext) async throws -> [UInt8])
  /// Bytes in, the response written to a writer as it is made.
  case streaming(@Sendable ([UInt8], LambdaResponseWriter, LambdaContext) async throws -> Void)
}
