/// Builds small JSON documents byte by byte; strings are escaped as RFC 8259 requires and as `VisibleEscaping` asks.
package struct JSONWriter {
  package private(set) var bytes: [UInt8] = []
  private var needsComma: [Bool] = []

  package init(capacity: Int = 256) {
    bytes.reserveCapacity(capacity)
  }

  package mutating func beginObject() { open(UInt8(ascii: "{")) }

  package mutating func endObject() { close(UInt8(ascii: "}")) }

  package mutating func beginArray() { open(UInt8(ascii: "[")) }

  package mutating func endArray() { close(UInt8(ascii: "]")) }

  private mutating func open(_ bracket: UInt8) {
    separate()
    bytes.append(bracket)
    needsComma.append(false)
  }

  private mutating func close(_ bracket: UInt8) {
    bytes.append(bracket)
    needsComma.removeLast()
  }

  /// Writes `"key":` inside an object; the next value call completes the member.
  package mutating func key(_ key: String) {
    separate()
    appendQuoted(key)
    bytes.append(UInt8(ascii: ":"))
    if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
  }

  package mutating func string(_ value: String) {
    separate()
    appendQuoted(value)
  }

  package mutating func integer(_ value: Int) {
    separate()
    bytes.append(contentsOf: String(value).utf8)
  }

  package mutating func member(_ name: String, _ value: String) {
    key(name)
    string(value)
  }

  private mutating func separate() {
    guard let last = needsComma.last else { return }
    if last { bytes.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
  }

  private mutating func appendQuoted(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    // Beyond what RFC 8259 requires, this also escapes DEL, C1 controls, line separators and bidirectional
    // controls: log lines are written with this writer, and no viewer may break or reorder them (see
    // VisibleEscaping).
    VisibleEscaping.append(value, to: &bytes, escapingQuotes: true)
    bytes.append(UInt8(ascii: "\""))
  }
}
