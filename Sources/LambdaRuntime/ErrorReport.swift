import SharedSupport

/// An error as the Runtime API wants it: a `Lambda-Runtime-Function-Error-Type` value plus a JSON body.
public struct ErrorReport: Sendable, Equatable {
  /// Longest error message sent; longer ones are cut so the report itself stays small.
  static let maxMessageBytes = 64 * 1024

  /// The header value, e.g. `Function.InvalidEvent`.
  public let errorType: String
  /// The human-readable message.
  public let errorMessage: String

  /// Creates a report with an explicit category (`Function` or `Runtime`) and name.
  public init(category: String, name: String, message: String) {
    self.errorType = category + "." + Self.sanitisedName(name)
    self.errorMessage = Self.truncated(message)
  }

  /// Reports an error thrown by a handler or a setup: `Function.<errorType>` or `Function.<Swift type name>`; a
  /// `LambdaFunctionError` whose `errorType` starts with `Runtime.` keeps that category (an unknown `_HANDLER`, say,
  /// is `Runtime.HandlerNotFound` on Lambda).
  public init(functionError error: any Error) {
    let name = Self.name(of: error)
    let runtimePrefix = "Runtime."
    if name.hasPrefix(runtimePrefix) {
      self.init(
        category: "Runtime", name: String(name.dropFirst(runtimePrefix.count)), message: Self.message(of: error))
    } else {
      self.init(category: "Function", name: name, message: Self.message(of: error))
    }
  }

  /// `{"errorMessage":…,"errorType":…,"stackTrace":[]}` with every control character escaped.
  public var jsonBody: [UInt8] {
    var writer = JSONWriter(capacity: errorMessage.utf8.count + errorType.utf8.count + 64)
    writer.beginObject()
    writer.member("errorMessage", errorMessage)
    writer.member("errorType", errorType)
    writer.key("stackTrace")
    writer.beginArray()
    writer.endArray()
    writer.endObject()
    return writer.bytes
  }

  static func name(of error: any Error) -> String {
    if let named = error as? any LambdaFunctionError {
      let type = named.errorType
      return type.hasPrefix("Function.") ? String(type.dropFirst("Function.".count)) : type
    }
    return String(describing: type(of: error))
  }

  static func message(of error: any Error) -> String {
    if let described = error as? any CustomStringConvertible { return described.description }
    return String(describing: error)
  }

  /// Keeps ASCII letters only and starts with a capital, so the type matches `[A-Z][a-zA-Z]+`.
  static func sanitisedName(_ name: String) -> String {
    var letters = String(name.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic })
    if let first = letters.first, first.isLowercase {
      letters = first.uppercased() + letters.dropFirst()
    }
    return letters.count < 2 ? "Error" + letters : letters
  }

  private static func truncated(_ message: String) -> String {
    guard message.utf8.count > maxMessageBytes else { return message }
    return String(decoding: message.utf8.prefix(maxMessageBytes), as: UTF8.self) + "… (truncated)"
  }
}
