/// Hexadecimal digits both ways: the one place that maps nibbles to ASCII and back, for hashes, percent-encoding,
/// UUIDs, trace ids and JSON `\u` escapes.
package enum HexDigits {
  private static let lowercase = Array("0123456789abcdef".utf8)
  private static let uppercase = Array("0123456789ABCDEF".utf8)

  /// The ASCII digit for the low four bits of `nibble`.
  @inline(__always)
  package static func digit(_ nibble: UInt8, uppercase: Bool = false) -> UInt8 {
    (uppercase ? Self.uppercase : lowercase)[Int(nibble & 0x0F)]
  }

  /// The value of one ASCII hex digit, either case; nil for any other byte.
  @inline(__always)
  package static func value(of byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  /// The value of four hex digits (a JSON `\uXXXX` escape); nil when any of them is not one.
  package static func quad(_ first: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8) -> UInt32? {
    guard let first = value(of: first), let second = value(of: second), let third = value(of: third),
      let fourth = value(of: fourth)
    else { return nil }
    return UInt32(first) << 12 | UInt32(second) << 8 | UInt32(third) << 4 | UInt32(fourth)
  }

  /// Lower-case hex of `bytes`, two digits per byte, as SigV4 prints hashes and signatures.
  package static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
    String(unsafeUninitializedCapacity: 2 * bytes.count) { write(bytes, into: $0) }
  }

  /// Appends the lower-case hex of `bytes` to `output`.
  package static func append(_ bytes: UnsafeRawBufferPointer, to output: inout [UInt8]) {
    let start = output.count
    output.append(contentsOf: repeatElement(0, count: 2 * bytes.count))
    output.withUnsafeMutableBufferPointer { _ = write(bytes, into: UnsafeMutableBufferPointer(rebasing: $0[start...])) }
  }

  private static func write(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
    for (index, byte) in bytes.enumerated() {
      out[2 * index] = digit(byte >> 4)
      out[2 * index + 1] = digit(byte)
    }
    return 2 * bytes.count
  }

  /// `value` in lower-case hex, zero-padded to at least `width` digits.
  package static func padded(_ value: UInt64, width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
