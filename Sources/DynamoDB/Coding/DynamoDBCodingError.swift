/// Why a Swift value could not be turned into an item, or an item into a Swift value.
public enum DynamoDBCodingError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The attribute at `path` has the wrong DynamoDB type.
  case typeMismatch(path: String, expected: String, found: String)
  /// A required attribute is absent.
  case missingAttribute(path: String, expected: String)
  /// The attribute has the right type but a value that does not fit (e.g. a number too large for `Int8`).
  case invalidValue(path: String, reason: String)
  /// The Swift value cannot be stored in DynamoDB (e.g. NaN, or a top-level value that is not a map).
  case unsupportedValue(path: String, reason: String)

  public var description: String {
    switch self {
    case .typeMismatch(let path, let expected, let found):
      "Attribute '\(path)': expected \(expected) but found \(found)"
    case .missingAttribute(let path, let expected):
      "Attribute '\(path)' is missing (expected \(expected))"
    case .invalidValue(let path, let reason):
      "Attribute '\(path)': \(reason)"
    case .unsupportedValue(let path, let reason):
      "Cannot encode '\(path)': \(reason)"
    }
  }
}

/// Renders a coding path as `a.b[2].c` (`<item>` for the root).
enum AttributePath {
  static func render(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
      if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == "\(index)" {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return text.isEmpty ? "<item>" : text
  }

  static func render(_ path: [any CodingKey], appending key: any CodingKey) -> String {
    render(path + [key])
  }
}

/// A coding key for list indices and dynamic map keys.
struct AttributeKey: CodingKey {
  let stringValue: String
  let intValue: Int?

  init(stringValue: String) {
    self.stringValue = stringValue
    self.intValue = nil
  }

  init(intValue: Int) {
    self.stringValue = "Index \(intValue)"
    self.intValue = intValue
  }

  init(index: Int) { self.init(intValue: index) }
}
