/// One hostile input and the exact answer it must get.
struct HostileCase: Sendable, CustomStringConvertible {
  /// How the function must answer.
  enum Outcome: Sendable, Equatable {
    /// An API Gateway response with this status; for errors, the body's `error` code and, for validation errors,
    /// a field the body's `fields` must name.
    case http(Int, error: String? = nil, field: String? = nil)
    /// A direct action that fails with `Function.<error>` (and, for validation, names `field`).
    case functionError(String, field: String? = nil)
    /// A direct action that succeeds.
    case success
  }

  /// The input class (the list), then what is tried.
  var inputClass: String
  var name: String
  var event: [UInt8]
  var outcome: Outcome

  var description: String { "[\(inputClass)] \(name)" }
}
