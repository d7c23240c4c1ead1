import FuzzSupport

@testable import LambdaEvents

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `APIGatewayRequest.read` may leave any event to `JSONDecoder`, but whatever it reads, the decoder must read too,
/// with the same fields.
enum DirectReadAgreement {
  static func check(_ event: [UInt8]) {
    guard let direct = APIGatewayRequest.read(event) else { return }
    guard let decoded = try? JSONDecoder().decode(APIGatewayRequest.self, from: Data(event)) else {
      FuzzCheck.require(false, "the direct reader read an event JSONDecoder refuses")
      return
    }
    FuzzCheck.require(
      canonical(direct.event) == canonical(decoded),
      "the direct reader read \(direct.event), JSONDecoder \(decoded)")
  }

  /// Every field, as sorted JSON; the payload format first.
  private static func canonical(_ event: APIGatewayRequest) -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    switch event {
    case .v1(let request): return (try? encoder.encode(request)).map { "1.0 " + String(decoding: $0, as: UTF8.self) }
    case .v2(let request): return (try? encoder.encode(request)).map { "2.0 " + String(decoding: $0, as: UTF8.self) }
    }
  }
}
