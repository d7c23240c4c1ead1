import Foundation

/// Any JSON value, for documents whose shape the server does not fix (JWT claims, JWKS keys).
enum JSONValue: Sendable, Equatable, Decodable {
  case string(String)
  case integer(Int64)
  case number(Double)
  case bool(Bool)
  case list([JSONValue])
  case object([String: JSONValue])
  case null

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int64.self) {
      self = .integer(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .list(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// The value as a number of seconds (`exp`, `nbf`), if it is a number.
  var seconds: Double? {
    switch self {
    case .integer(let value): return Double(value)
    case .number(let value): return value
    default: return nil
    }
  }

  /// The value as a string, if it is one.
  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The value as API Gateway's JWT authorizer writes a claim: strings as they are, lists as `[a b]`, objects as
  /// JSON text.
  var claimText: String {
    switch self {
    case .string(let value): return value
    case .integer(let value): return String(value)
    case .number(let value): return String(value)
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    case .list(let values): return "[" + values.map(\.claimText).joined(separator: " ") + "]"
    case .object(let members):
      let body = members.sorted { $0.key < $1.key }.map { key, value in
        let text = value.claimText
        let quoted = if case .string = value { Self.quoted(text) } else { text }
        return Self.quoted(key) + ":" + quoted
      }
      return "{" + body.joined(separator: ",") + "}"
    }
  }

  private static func quoted(_ text: String) -> String {
    let data = try? JSONEncoder().encode(text)
    return data.map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
  }
}
