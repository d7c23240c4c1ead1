/// The sections of an AWS shared config or credentials file: `[name]` headers and `key = value` lines.
struct INIFile: Sendable {
  private(set) var sections: [String: [String: String]] = [:]

  init(parsing text: String) {
    var current: String?
    for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
      let line = rawLine.trimmingSpaces()
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
      if line.hasPrefix("[") && line.hasSuffix("]") {
        let name = String(line.dropFirst().dropLast()).trimmingSpaces()
        current = name
        sections[name, default: [:]] = sections[name] ?? [:]
        continue
      }
      guard let section = current, let equals = line.firstIndex(of: "=") else { continue }
      let key = String(line[..<equals]).trimmingSpaces().lowercased()
      let value = String(line[line.index(after: equals)...]).trimmingSpaces()
      sections[section, default: [:]][key] = value
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
