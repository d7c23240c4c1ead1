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
    let root = hex(UInt64.random(in: 0...UInt64.max), 16) + hex(UInt64(UInt32.random(in: 0...UInt32.max)), 8)
    return "Root=1-\(epoch)-\(root);Parent=\(hex(UInt64.random(in: 0...UInt64.max), 16));Sampled=0"
  }

  private static func hex(_ value: UInt64, _ width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
