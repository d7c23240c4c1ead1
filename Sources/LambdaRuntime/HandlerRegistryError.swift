/// Errors in choosing a handler.
public enum HandlerRegistryError: LambdaFunctionError, CustomStringConvertible, Equatable {
  /// `_HANDLER` (or a router decision) names a handler that was never registered.
  case unknownHandler(String, registered: [String])

  /// `HandlerNotFound` (reported as `Runtime.HandlerNotFound` at init, `Function.HandlerNotFound` per invoke).
  public var errorType: String { "HandlerNotFound" }

  /// A message listing what is available.
  public var description: String {
    switch self {
    case .unknownHandler(let name, let registered):
      "No handler named '\(name)'. Registered handlers: \((["router"] + registered).joined(separator: ", "))."
    }
  }
}
