#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Picks the handler for an event by its shape: `{"action": ...}` → `action`; an API Gateway proxy event → `api`.
package enum EventRouter {
  private struct Shape: Decodable {
    var action: String?
    var rawPath: String?
    var httpMethod: String?
  }

  /// The handler name for `event`, or nil if no handler accepts it.
  package static func route(_ event: [UInt8]) -> String? {
    guard let shape = try? JSONDecoder().decode(Shape.self, from: Data(event)) else { return nil }
    if shape.action != nil { return CarbonTrackFunction.HandlerName.action }
    if shape.rawPath != nil || shape.httpMethod != nil { return CarbonTrackFunction.HandlerName.api }
    return nil
  }
}
