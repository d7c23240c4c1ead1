#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The opaque pagination cursor of entry listings: base64url of `{"v":1,"after":"<sort key>"}`.
///
/// Only the sort key is carried; the user id always comes from the request path, so a cursor can never reach
/// another user's data.
public enum EntryCursor {
  private struct Payload: Codable {
    var v: Int
    var after: String
  }

  /// The cursor that continues after the entry with sort key `timestamp`.
  public static func encode(after timestamp: String) -> String {
    let json = (try? JSONEncoder().encode(Payload(v: 1, after: timestamp))) ?? Data()
    return String(
      json.base64EncodedString().compactMap { character -> Character? in
        switch character {
        case "+": return "-"
        case "/": return "_"
        case "=": return nil
        default: return character
        }
      })
  }

  /// The sort key a cursor continues after; a validation error on field `cursor` if it is not one of ours.
  public static func decode(_ cursor: String) throws(CarbonTrackError) -> String {
    var base64 = String(cursor.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    guard let data = Data(base64Encoded: base64),
      let payload = try? JSONDecoder().decode(Payload.self, from: data), payload.v == 1,
      EntrySortKey(payload.after) != nil
    else { throw .invalid("cursor", "is not a cursor returned by this API") }
    return payload.after
  }
}
