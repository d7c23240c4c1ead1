import SharedSupport

/// How a function process ended.
public enum FunctionExit: Sendable, Equatable, CustomStringConvertible {
  /// It called `exit`, or returned from `main`, with this status.
  case exited(status: Int32)
  /// A signal ended it.
  case signalled(Int32)

  /// As Lambda words it after `Runtime exited with error:`, e.g. `exit status 3` or `signal: segmentation fault`.
  public var description: String {
    switch self {
    case .exited(let status): "exit status \(status)"
    case .signalled(let number): "signal: \(Self.name(of: number))"
    }
  }

  /// `strsignal`'s name with a lower-case first letter (`segmentation fault`, `killed`), as Lambda prints them.
  static func name(of signal: Int32) -> String {
    guard let text = strsignal(signal).map({ String(cString: $0) }), let first = text.first else {
      return "signal \(signal)"
    }
    return first.lowercased() + text.dropFirst()
  }
}
