#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Decodes JSON request bodies, turning decoding failures into field-level validation errors.
package enum RequestDecoding {
  /// Decodes `type` from a JSON object in `bytes`; an empty body decodes as `{}`; a name given twice in one object
  /// is an error.
  package static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(CarbonTrackError) -> T {
    let body = bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } ? Array("{}".utf8) : bytes
    let scan = JSONBodyScan(body)
    if let name = scan.duplicateName { throw .invalid(name, "is given more than once") }
    do {
      return try JSONDecoder().decode(type, from: Data(body))
    } catch let error as DecodingError {
      throw .validation([fieldError(error, scan: scan)])
    } catch {
      throw .invalid("body", "must be a JSON object")
    }
  }

  /// The field a decoding failure is about; `scan` names the member behind a number the decoder could not convert,
  /// which it reports without a path.
  static func fieldError(_ error: DecodingError, scan: JSONBodyScan = JSONBodyScan([])) -> FieldError {
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
    case .dataCorrupted(let context) where !context.codingPath.isEmpty:
      return FieldError(field: path(context.codingPath), message: context.debugDescription)
    case .dataCorrupted:
      if scan.depth > 512 {
        return FieldError(field: "body", message: "nests arrays and objects \(scan.depth) levels deep; at most 512")
      }
      if let member = scan.unrepresentableNumberMember {
        return FieldError(
          field: member, message: "must be a number a 64-bit float can hold (this one over- or underflows)")
      }
      if let member = scan.fractionalNumberMember {
        return FieldError(field: member, message: "must be a whole number within the 64-bit integer range")
      }
      return FieldError(field: "body", message: "must be a JSON object")
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
