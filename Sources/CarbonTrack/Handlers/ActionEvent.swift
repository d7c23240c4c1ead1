#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The envelope of a direct invocation: `{"action": "...", "userId": ..., ...}`.
///
/// Body fields of the action (e.g. `email`, `kgCO2e`) sit beside these in the same object and are decoded from the
/// whole event by the operation.
struct ActionEvent: Decodable {
  var action: String
  var userId: String?
  var timestamp: String?
  var goalId: String?
  var from: String?
  var to: String?
  var limit: LooseText?
  var cursor: String?
  var groupBy: String?
  var idempotencyKey: String?

  /// The query-style parameters as text.
  var query: [String: String] {
    var query: [String: String] = [:]
    query["from"] = from
    query["to"] = to
    query["limit"] = limit?.text
    query["cursor"] = cursor
    query["groupBy"] = groupBy
    return query
  }

  /// The field that names the operation's resource: `timestamp` for entries, `goalId` for goals. Only that one,
  /// so an event that also carries the other (an update's body may) cannot redirect the operation.
  func resourceId(for operation: DataOperation) -> String? {
    switch operation.resourceField {
    case "timestamp": return timestamp
    case "goalId": return goalId
    default: return nil
    }
  }

  /// Decodes the envelope: `invalidEvent` when the bytes are no action event at all, a validation error naming the
  /// field when a known field has the wrong type or is given twice.
  static func decode(_ bytes: [UInt8]) throws(CarbonTrackError) -> ActionEvent {
    let scan = JSONBodyScan(bytes)
    if let name = scan.duplicateName { throw .invalid(name, "is given more than once") }
    do {
      return try JSONDecoder().decode(ActionEvent.self, from: Data(bytes))
    } catch DecodingError.keyNotFound(let key, _) where key.stringValue == "action" {
      throw .invalidEvent("Not a direct action event: it has no \"action\"")
    } catch let error as DecodingError {
      let field = RequestDecoding.fieldError(error, scan: scan)
      // Not JSON, or not an object: not an event for this handler at all.
      guard field.field != "body" else { throw .invalidEvent("Not a direct action event: \(field.message)") }
      // A known field of the wrong type is the caller's input mistake, named like any other.
      throw .validation([field])
    } catch {
      throw .invalidEvent("Not a direct action event: \(error)")
    }
  }
}

/// A JSON string or number, kept as text (`"limit": 5` and `"limit": "5"` both work).
struct LooseText: Decodable {
  var text: String

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Int.self) {
      text = String(number)
    } else {
      text = try container.decode(String.self)
    }
  }
}
