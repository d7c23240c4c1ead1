/// The canonical header block and signed-headers list of a request, as the bytes that get hashed.
struct CanonicalHeaders: Sendable {
  /// Headers that proxies and clients may change in flight; signing them would break the signature.
  private static let unsignedNames: [[UInt8]] = [
    "authorization", "user-agent", "x-amzn-trace-id", "expect", "connection",
  ]
  .map { Array($0.utf8) }

  /// Whether a header of this name, in any ASCII case, is left out of the signature.
  static func isUnsigned(_ name: String) -> Bool {
    unsignedNames.contains { unsigned in
      name.utf8.count == unsigned.count && zip(name.utf8, unsigned).allSatisfy { lowercased($0) == $1 }
    }
  }

  /// `name:value\n` per signed name, names lower-cased and sorted, repeated names' values joined by commas.
  let block: [UInt8]
  /// The signed names, lower-cased, sorted and joined by `;`.
  let signedNames: [UInt8]

  var signedNamesText: String { String(decoding: signedNames, as: UTF8.self) }

  // Every request is signed, so nothing here makes a string per header: names are lower-cased and values folded
  // as their bytes are copied into the two outputs, and the sort orders indices.
  init(_ headers: [(name: String, value: String)]) {
    var order = headers.indices.filter { !Self.isUnsigned(headers[$0].name) }
    // Ties keep the order given, as repeated headers' values must be joined in it.
    order.sort { left, right in
      let leftName = headers[left].name.utf8
      let rightName = headers[right].name.utf8
      if Self.equalIgnoringASCIICase(leftName, rightName) { return left < right }
      return leftName.lazy.map(Self.lowercased).lexicographicallyPrecedes(rightName.lazy.map(Self.lowercased))
    }
    var block: [UInt8] = []
    var names: [UInt8] = []
    block.reserveCapacity(order.reduce(0) { $0 + headers[$1].name.utf8.count + headers[$1].value.utf8.count + 2 })
    names.reserveCapacity(order.reduce(0) { $0 + headers[$1].name.utf8.count + 1 })
    var previous: String.UTF8View?
    for index in order {
      let name = headers[index].name.utf8
      if let previous, Self.equalIgnoringASCIICase(previous, name) {
        block[block.count - 1] = UInt8(ascii: ",")
      } else {
        if previous != nil { names.append(UInt8(ascii: ";")) }
        names.append(contentsOf: name.lazy.map(Self.lowercased))
        block.append(contentsOf: name.lazy.map(Self.lowercased))
        block.append(UInt8(ascii: ":"))
        previous = name
      }
      Self.appendCanonicalValue(headers[index].value, to: &block)
      block.append(UInt8(ascii: "\n"))
    }
    self.block = block
    self.signedNames = names
  }

  /// The value trimmed, with each run of whitespace folded to one space.
  static func canonicalValue(_ value: String) -> String {
    var out: [UInt8] = []
    appendCanonicalValue(value, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the value trimmed, with each run of whitespace folded to one space, a run of other bytes at a time.
  ///
  /// Whitespace here is every byte C's `isspace` accepts (space, TAB, LF, VT, FF, CR), as in AWS's reference
  /// signer: a value continued on further lines (`get-header-value-multiline` in AWS's suite) holds line breaks
  /// that canonicalise to single spaces, like any other run of blanks.
  static func appendCanonicalValue(_ value: String, to out: inout [UInt8]) {
    var value = value
    value.withUTF8 { bytes in
      let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || (0x09...0x0D).contains($0) }
      var start = 0
      var wroteAny = false
      while true {
        while start < bytes.count, isBlank(bytes[start]) { start += 1 }
        guard start < bytes.count else { return }
        var end = start + 1
        while end < bytes.count, !isBlank(bytes[end]) { end += 1 }
        if wroteAny { out.append(UInt8(ascii: " ")) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        wroteAny = true
        start = end
      }
    }
  }

  @inline(__always)
  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }

  private static func equalIgnoringASCIICase(_ left: String.UTF8View, _ right: String.UTF8View) -> Bool {
    left.count == right.count && zip(left, right).allSatisfy { lowercased($0) == lowercased($1) }
  }
}
