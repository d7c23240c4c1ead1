import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// An event waiting for (or handed to) the function process.
struct QueuedInvocation: Sendable {
  var requestId: String
  var event: [UInt8]
  var traceId: String
  var clientContext: String?
  var cognitoIdentity: String?
  var tenantId: String?

  /// A new invocation with a fresh request id, and `traceId` or else a fresh trace header.
  init(event: [UInt8], clientContext: String?, cognitoIdentity: String?, tenantId: String?, traceId: String? = nil) {
    self.requestId = UUID().uuidString.lowercased()
    self.event = event
    self.traceId = traceId ?? Self.makeTraceId()
    self.clientContext = clientContext
    self.cognitoIdentity = cognitoIdentity
    self.tenantId = tenantId
  }

  /// An X-Ray trace header in AWS's format: `Root=1-<epoch hex>-<24 hex>;Parent=<16 hex>;Sampled=0`.
  static func makeTraceId() -> String {
    let epoch = String(WallClock.nowMilliseconds() / 1000, radix: 16)
    let root =
      HexDigits.padded(.random(in: 0...UInt64.max), width: 16)
      + HexDigits.padded(UInt64(UInt32.random(in: 0...UInt32.max)), width: 8)
    return "Root=1-\(epoch)-\(root);Parent=\(HexDigits.padded(.random(in: 0...UInt64.max), width: 16));Sampled=0"
  }
}
