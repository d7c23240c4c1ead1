/// The event could not be decoded into the handler's `Event` type (`Function.InvalidEvent`).
public enum InvalidEventError: LambdaFunctionError, CustomStringConvertible, Equatable {
  /// The body is not valid JSON, or its top level has the wrong shape.
  case malformed(String)
  /// A required field is absent.
  case missingField(String)
  /// A field holds a value of the wrong JSON type.
  case wrongType(field: String, expected: String)
  /// A field is present but its value is not acceptable.
  case invalidValue(field: String, reason: String)
  /// The router found no handler for the event's shape.
  case unrecognised(String)

  /// Always `InvalidEvent`.
  public var errorType: String { "InvalidEvent" }

  /// A message naming the offending field.
  public var description: String {
    switch self {
    case .malformed(let reason): "The event is not valid JSON of the expected shape: \(reason)"
    case .missingField(let field): "The event is missing the required field '\(field)'."
    case .wrongType(let field, let expected): "The event field '\(field)' must be \(expected)."
    case .invalidValue(let field, let reason): "The event field '\(field)' is invalid: \(reason)"
    case .unrecognised(let reason): "The event was not recognised: \(reason)"
    }
  }

  /// Translates a `DecodingError` into the field it is about.
  public init(_ error: DecodingError) {
    switch error {
    case .keyNotFound(let key, let context):
      self = .missingField(Self.path(context.codingPath + [key]))
    case .valueNotFound(let type, let context):
      self = .wrongType(field: Self.path(context.codingPath), expected: Self.jsonKind(type) + ", not null")
    case .typeMismatch(let type, let context):
      let field = Self.path(context.codingPath)
      self =
        context.codingPath.isEmpty
        ? .malformed("expected \(Self.jsonKind(type)) at the top level")
        : .wrongType(field: field, expected: Self.jsonKind(type))
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        self = .malformed(context.debugDescription)
      } else {
        self = .invalidValue(field: Self.path(context.codingPath), reason: context.debugDescription)
      }
    @unknown default:
      self = .malformed(String(describing: error))
    }
  }

  private static func path(_ codingPath: [any CodingKey]) -> String {
    var result = ""
    for key in codingPath {
      if let index = key.intValue {
        result += "[\(index)]"
      } else {
        result += result.isEmpty ? key.stringValue : "." + key.stringValue
      }
    }
    return result.isEmpty ? "(root)" : result
  }

  private static func jsonKind(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Bool.Type: "a boolean"
    case is any BinaryInteger.Type: "an integer"
    case is any FloatingPoint.Type: "a number"
    case is [Any].Type: "an array"
    case is [String: Any].Type: "an object"
    default: "of type \(type)"
    }
  }
}
