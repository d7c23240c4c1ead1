import LambdaRuntime

package enum HandlerRegistryError: LambdaFunctionError, CustomStringConvertible, Equatable {
  /// An in-process run (`carbontrack invoke --handler`) names a handler that was never registered
  /// (`Function.HandlerNotFound`).
  case unknownHandler(String, registered: [String])
  /// `_HANDLER` names a handler that was never registered: an initialisation error, `Runtime.HandlerNotFound` as on
  /// Lambda's own runtimes.
  case unknownHandlerSetting(String, registered: [String])

  /// `HandlerNotFound`, or `Runtime.HandlerNotFound` for the `_HANDLER` setting.
  package var errorType: String {
    switch self {
    case .unknownHandler: "HandlerNotFound"
    case .unknownHandlerSetting: "Runtime.HandlerNotFound"
    }
  }

  /// A message listing what is available.
  package var description: String {
    switch self {
    case .unknownHandler(let name, let registered), .unknownHandlerSetting(let name, let registered):
      "No handler named '\(name)'. Registered handlers: \(registered.joined(separator: ", "))."
    }
  }
}
