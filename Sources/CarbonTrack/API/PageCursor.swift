#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The opaque pagination cursor of entry and goal listings: base64url of
/// `{"v":2,"u":"<user id>","after":"<sort key or goal id>"}`.
///
/// The user id always comes from the request path, so a cursor can never reach another user's data; it is carried
/// anyway so that a cursor used with another user's listing is refused with a clear error instead of silently
/// starting somewhere in theirs.
package enum PageCursor {
  private struct Payload: Codable {
    var v: Int
    var u: String
    var after: String
  }

  /// The cursor that continues `userId`'s listing after the item with sort key `key`.
  package static func encode(after key: String, userId: String) -> String {
    let json = (try? JSONEncoder().encode(Payload(v: 2, u: userId, after: key))) ?? Data()
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

  /// The sort key a cursor of `userId`'s listing continues after, if `isValid` accepts it; a validation error on
  /// field `cursor` otherwise.
  package static func decode(_ cursor: String, userId: String, isValid: (String) -> Bool) throws(CarbonTrackError)
    -> String
  {
    var base64 = String(cursor.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
    base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
    guard let data = Data(base64Encoded: base64),
      let payload = try? JSONDecoder().decode(Payload.self, from: data), payload.v == 2, isValid(payload.after)
    else { throw .invalid("cursor", "is not a cursor returned by this API") }
    guard payload.u.utf8.elementsEqual(userId.utf8) else {
      throw .invalid("cursor", "belongs to another user's listing; list again without it")
    }
    return payload.after
  }
}
