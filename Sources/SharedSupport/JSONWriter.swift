/// Writes JSON text straight into bytes, for documents whose shape the code knows: request bodies, log lines, error
/// reports. Commas are placed for the caller; strings are escaped by `VisibleEscaping`, which covers what RFC 8259
/// requires and also keeps every string printable on one line, so one writer serves wire bodies and log lines alike.
package struct JSONWriter {
  package private(set) var bytes: [UInt8] = []
  /// Whether the next value is the first in its object or array, or completes a member (no comma before it).
  private var isFirst = true

  package init(capacity: Int = 256) {
    bytes.reserveCapacity(capacity)
  }

  package mutating func beginObject() { open(UInt8(ascii: "{")) }

  package mutating func endObject() { close(UInt8(ascii: "}")) }

  package mutating func beginArray() { open(UInt8(ascii: "[")) }

  package mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Writes `"key":` inside an object; the next value completes the member.
  package mutating func key(_ key: String) {
    string(key)
    bytes.append(UInt8(ascii: ":"))
    isFirst = true
  }

  /// Writes `"key":` for a constant key, which must need no escaping (the members of a wire format).
  package mutating func key(_ key: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    isFirst = true
  }

  package mutating func string(_ value: String) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    VisibleEscaping.append(value, to: &bytes, escapingQuotes: true)
    bytes.append(UInt8(ascii: "\""))
  }

  package mutating func integer(_ value: Int) {
    separate()
    bytes.append(contentsOf: String(value).utf8)
  }

  /// Writes a number already spelled as JSON (digits, sign, point, exponent), as it is.
  package mutating func number(_ spelled: String) {
    separate()
    bytes.append(contentsOf: spelled.utf8)
  }

  package mutating func null() {
    separate()
    bytes.append(contentsOf: "null".utf8)
  }

  package mutating func bool(_ value: Bool) {
    separate()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// A member whose value is `value` as a JSON string, escaped by `VisibleEscaping`.
  package mutating func member(_ name: String, _ value: String) {
    key(name)
    string(value)
  }

  private mutating func open(_ bracket: UInt8) {
    separate()
    bytes.append(bracket)
    isFirst = true
  }

  private mutating func close(_ bracket: UInt8) {
    bytes.append(bracket)
    isFirst = false
  }

  private mutating func separate() {
    if !isFirst { bytes.append(UInt8(ascii: ",")) }
    isFirst = false
  }
}
