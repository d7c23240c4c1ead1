/// The process's environment as a dictionary, read straight from `environ`.
///
/// FoundationEssentials' `ProcessInfo.environment` finds each `=` by `Character`, ~6,000 instructions a variable:
/// a Lambda sandbox's ~40 variables made it 7 % of the instructions from exec to the first `/next`.
public enum ProcessEnvironment {
  /// A name set twice keeps its first value, the one `getenv` returns.
  public static func current() -> [String: String] {
    var variables: [String: String] = [:]
    var entry = environ
    while let variable = entry.pointee {
      let bytes = UnsafeRawBufferPointer(start: variable, count: strlen(variable))
      if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
        let name = String(decoding: bytes[..<equals], as: UTF8.self)
        if variables[name] == nil {
          variables[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
        }
      }
      entry += 1
    }
    return variables
  }
}
