/// The canonical header block and signed-headers list of a request, as the bytes that get hashed.
struct CanonicalHeaders: Sendable {
  /// Headers that proxies and clients may change in flight; signing them would break the signature.
  private static let unsignedNames: [[UInt8]] = [
    "authorization", "user-agent", "x-amzn-trace-id", "expect", "connection",
  ]
  .map { Array($0.utf8) }

  /// Whether a header of this name, in any ASCII case, is left out of the signature.
  static func isUnsigned(_ name: String) -> Bool {
    var lowered: [UInt8] = []
    appendLowercased(name, to: &lowered)
    return isUnsigned(lowered[...])
  }

  private static func isUnsigned(_ lowercasedName: ArraySlice<UInt8>) -> Bool {
    unsignedNames.contains { $0.elementsEqual(lowercasedName) }
  }

  /// `name:value\n` per signed name, names lower-cased and sorted, repeated names' values joined by commas.
  let block: [UInt8]
  /// The signed names, lower-cased, sorted and joined by `;`.
  let signedNames: [UInt8]

  var signedNamesText: String { String(decoding: signedNames, as: UTF8.self) }

  // Every request is signed, so nothing here makes a string per header: the names are lower-cased once, back to
  // back in one buffer, and sorted as ranges of it; values are folded as they are copied.
  init(_ headers: [(name: String, value: String)]) {
    var lowered: [UInt8] = []
    var signed: [(name: Range<Int>, header: Int)] = []
    signed.reserveCapacity(headers.count)
    for (index, header) in headers.enumerated() {
      let start = lowered.count
      Self.appendLowercased(header.name, to: &lowered)
      if !Self.isUnsigned(lowered[start...]) { signed.append((start..<lowered.count, index)) }
    }
    lowered.withUnsafeBufferPointer { names in
      // Ties keep the order given, as repeated headers' values must be joined in it.
      signed.sort { left, right in
        let (leftName, rightName) = (names[left.name], names[right.name])
        return leftName.elementsEqual(rightName)
          ? left.header < right.header
          : leftName.lexicographicallyPrecedes(rightName)
      }
    }
    var block: [UInt8] = []
    var names: [UInt8] = []
    block.reserveCapacity(signed.reduce(0) { $0 + $1.name.count + headers[$1.header].value.utf8.count + 2 })
    names.reserveCapacity(signed.reduce(0) { $0 + $1.name.count + 1 })
    var previous: ArraySlice<UInt8>?
    for (range, index) in signed {
      let name = lowered[range]
      if let previous, previous.elementsEqual(name) {
        block[block.count - 1] = UInt8(ascii: ",")
      } else {
        if previous != nil { names.append(UInt8(ascii: ";")) }
        names.append(contentsOf: name)
        block.append(contentsOf: name)
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

  /// Appends the name's bytes with A–Z lower-cased; other bytes, UTF-8 included, are kept.
  private static func appendLowercased(_ name: String, to out: inout [UInt8]) {
    let start = out.count
    out.append(contentsOf: name.utf8)
    for index in start..<out.count where out[index] >= UInt8(ascii: "A") && out[index] <= UInt8(ascii: "Z") {
      out[index] |= 0x20
    }
  }
}
