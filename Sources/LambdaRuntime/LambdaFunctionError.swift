/// An error that names its own Lambda error type.
///
/// `errorType` "UnknownAction" is reported to Lambda as `Function.UnknownAction`.
public protocol LambdaFunctionError: Error {
  /// The error type without the `Function.` prefix, in UpperCamelCase.
  var errorType: String { get }
}
