// A peer for the runtime benchmark, built by scripts/build-official-runtime.sh against swift-server's
// swift-aws-lambda-runtime (2.x), never as part of this package. Two handlers, chosen by PEER_MODE:
//   bytes (default): the event's bytes back as the response, the same work as bootstrap's `echo` handler;
//   codable: the runtime's hello-world form, a Codable event decoded and encoded again with Foundation's JSON.
import AWSLambdaRuntime
import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The shape of the benchmark's echo event: {"hello":"world","numbers":[1,2,3],"nested":{"ok":true}}.
struct EchoEvent: Codable, Sendable {
  struct Nested: Codable, Sendable { var ok: Bool }
  var hello: String
  var numbers: [Int]
  var nested: Nested
}

// getenv, not ProcessInfo, so that this file adds no Foundation of its own to what the runtime links.
if let mode = getenv("PEER_MODE"), String(cString: mode) == "codable" {
  let runtime = LambdaRuntime { (event: EchoEvent, _: LambdaContext) in event }
  try await runtime.run()
} else {
  let runtime = LambdaRuntime { (event: ByteBuffer, writer: LambdaResponseStreamWriter, _: LambdaContext) in
    try await writer.writeAndFinish(event)
  }
  try await runtime.run()
}
