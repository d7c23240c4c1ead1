#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Decodes JSON request bodies, turning decoding failures into field-level validation errors.
public enum RequestDecoding {
  /// Decodes `type` from a JSON object in `bytes`; an empty body decodes as `{}`; a name given twice in one object
  /// is an error (see `DuplicateJSONKeys`).
  public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(CarbonTrackError) -> T {
    let body = bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } ? Array("{}".utf8) : bytes
    if let name = DuplicateJSONKeys.first(in: body) { throw .invalid(name, "is given more than once") }
    do {
      return try JSONDecoder().decode(type, from: Data(body))
    } catch let error as DecodingError {
      throw .validation([fieldError(error)])
    } catch {
      throw .invalid("body", "must be a JSON object")
    }
  }

  static func fieldError(_ error: DecodingError) -> FieldError {
    func path(_ codingPath: [any CodingKey]) -> String {
      let names = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
      return names.isEmpty ? "body" : names.joined(separator: ".")
    }
    switch error {
    case .typeMismatch(let type, let context):
      return FieldError(field: path(context.codingPath), message: "must be \(describe(type))")
    case .valueNotFound(let type, let context):
      return FieldError(field: path(context.codingPath), message: "must be \(describe(type)), not null")
    case .keyNotFound(let key, let context):
      return FieldError(field: path(context.codingPath + [key]), message: "is required")
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty { return FieldError(field: "body", message: "must be a JSON object") }
      return FieldError(field: path(context.codingPath), message: context.debugDescription)
    @unknown default:
      return FieldError(field: "body", message: "could not be decoded")
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Double.Type, is Int.Type: return "a number"
    case is Bool.Type: return "true or false"
    default: return "a JSON object"
    }
  }
}
