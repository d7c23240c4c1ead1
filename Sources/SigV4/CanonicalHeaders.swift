/// The canonical header block and signed-headers list of a request.
struct CanonicalHeaders: Sendable {
  /// Headers that proxies and clients may change in flight; signing them would break the signature.
  static func isUnsigned(_ lowercasedName: String) -> Bool {
    switch lowercasedName {
    case "authorization", "user-agent", "x-amzn-trace-id", "expect", "connection": return true
    default: return false
    }
  }

  let block: String
  let signedNames: String

  // Every request is signed, so this is written for few allocations: a string switch instead of hashing each
  // name into a set, and both texts built as bytes and made strings once.
  init(_ headers: [(name: String, value: String)]) {
    var lowered: [(name: String, value: String)] = []
    lowered.reserveCapacity(headers.count)
    for header in headers {
      let name = Self.lowercasedASCII(header.name)
      if !Self.isUnsigned(name) { lowered.append((name, Self.canonicalValue(header.value))) }
    }
    // A stable sort keeps repeated headers in the order they were given, as their values must be joined.
    let sorted = lowered.enumerated().sorted {
      $0.element.name == $1.element.name ? $0.offset < $1.offset : $0.element.name < $1.element.name
    }
    var block: [UInt8] = []
    var names: [UInt8] = []
    block.reserveCapacity(sorted.reduce(0) { $0 + $1.element.name.utf8.count + $1.element.value.utf8.count + 2 })
    names.reserveCapacity(sorted.reduce(0) { $0 + $1.element.name.utf8.count + 1 })
    var previous: String?
    for (_, header) in sorted {
      if header.name == previous {
        block[block.count - 1] = UInt8(ascii: ",")
      } else {
        if previous != nil { names.append(UInt8(ascii: ";")) }
        names.append(contentsOf: header.name.utf8)
        block.append(contentsOf: header.name.utf8)
        block.append(UInt8(ascii: ":"))
        previous = header.name
      }
      block.append(contentsOf: header.value.utf8)
      block.append(UInt8(ascii: "\n"))
    }
    self.block = String(decoding: block, as: UTF8.self)
    self.signedNames = String(decoding: names, as: UTF8.self)
  }

  private static func lowercasedASCII(_ name: String) -> String {
    let isUpper = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    let utf8 = name.utf8
    guard utf8.contains(where: isUpper) else { return name }
    return String(unsafeUninitializedCapacity: utf8.count) { out in
      for (index, byte) in utf8.enumerated() { out[index] = isUpper(byte) ? byte | 0x20 : byte }
      return utf8.count
    }
  }

  /// Trims the value and folds each run of whitespace to one space.
  ///
  /// Whitespace here is every byte C's `isspace` accepts (space, TAB, LF, VT, FF, CR), as in AWS's reference
  /// signer: a value continued on further lines (`get-header-value-multiline` in AWS's suite) holds line breaks
  /// that canonicalise to single spaces, like any other run of blanks.
  static func canonicalValue(_ value: String) -> String {
    let bytes = value.utf8
    let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || (0x09...0x0D).contains($0) }
    var previousBlank = true
    var clean = bytes.last.map { !isBlank($0) } ?? true
    if clean {
      for byte in bytes {
        let blank = isBlank(byte)
        if blank && (previousBlank || byte != UInt8(ascii: " ")) {
          clean = false
          break
        }
        previousBlank = blank
      }
    }
    if clean { return value }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingSpace = false
    for byte in bytes {
      if isBlank(byte) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(UInt8(ascii: " "))
        pendingSpace = false
      }
      out.append(byte)
    }
    return String(decoding: out, as: UTF8.self)
  }
}
