/// The canonical header block and signed-headers list of a request.
struct CanonicalHeaders: Sendable {
  /// Headers that proxies and clients may change in flight; signing them would break the signature.
  static let unsigned: Set<String> = ["authorization", "user-agent", "x-amzn-trace-id", "expect", "connection"]

  let block: String
  let signedNames: String

  init(_ headers: [(name: String, value: String)]) {
    var merged: [String: [String]] = [:]
    for header in headers {
      let name = header.name.lowercased()
      if Self.unsigned.contains(name) { continue }
      merged[name, default: []].append(Self.canonicalValue(header.value))
    }
    let names = merged.keys.sorted()
    block = names.map { "\($0):\(merged[$0, default: []].joined(separator: ","))\n" }.joined()
    signedNames = names.joined(separator: ";")
  }

  /// Trims the value and collapses each run of spaces to one.
  static func canonicalValue(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.utf8.count)
    var pendingSpace = false
    for character in value.trimmingSpaces() {
      if character == " " || character == "\t" {
        pendingSpace = true
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(character)
    }
    return out
  }
}
