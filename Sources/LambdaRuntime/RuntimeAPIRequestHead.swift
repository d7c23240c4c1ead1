import NIOCore

/// The bytes of a Runtime API request head and of a chunked body's framing.
///
/// Written by hand because the runtime knows every field it sends. The values that come from outside (a request id
/// from `/next`, an error type, the caller's `User-Agent`) pass through `pathSegment` and `fieldValue`, so none of
/// them can end a line or bend the path.
enum RuntimeAPIRequestHead {
  /// `method path HTTP/1.1`, the `commonFields` lines (`Host`, `User-Agent`), then `fields`, then the empty line.
  static func bytes(method: String, path: String, commonFields: ByteBuffer, fields: [(String, String)]) -> ByteBuffer {
    var head = ByteBuffer()
    head.reserveCapacity(path.utf8.count + commonFields.readableBytes + 32 + fields.count * 64)
    head.writeString(method)
    head.writeStaticString(" ")
    head.writeString(path)
    head.writeStaticString(" HTTP/1.1\r\n")
    head.writeImmutableBuffer(commonFields)
    writeFields(fields, to: &head)
    head.writeStaticString("\r\n")
    return head
  }

  /// `name: value` lines, each ended by CRLF; names are the runtime's own constants.
  static func writeFields(_ fields: [(String, String)], to buffer: inout ByteBuffer) {
    for (name, value) in fields {
      buffer.writeString(name)
      buffer.writeStaticString(": ")
      var value = value
      if value.withUTF8({ $0.allSatisfy(isFieldValueByte) }) {
        buffer.writeString(value)
      } else {
        buffer.writeBytes(value.utf8.filter(isFieldValueByte))
      }
      buffer.writeStaticString("\r\n")
    }
  }

  /// Calls `body` with the chunk size line of `size` (hexadecimal digits, then CRLF), built on the stack: a stream
  /// writes one per chunk, and a `String` and a `ByteBuffer` for it cost more than the rest of the framing.
  static func withChunkSizeLine<Value, Failure: Error>(
    _ size: Int, _ body: (UnsafeRawBufferPointer) throws(Failure) -> Value
  ) throws(Failure) -> Value {
    precondition(size >= 0, "a chunk size is never negative")
    // 16 hexadecimal digits hold any Int, and two more bytes the CRLF.
    var line: (UInt64, UInt64, UInt64) = (0, 0, 0)
    return try withUnsafeMutableBytes(of: &line) { (line) throws(Failure) -> Value in
      var start = 16
      var rest = UInt(size)
      repeat {
        start -= 1
        let digit = UInt8(truncatingIfNeeded: rest & 0xF)
        line[start] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") - 10 + digit
        rest >>= 4
      } while rest != 0
      line[16] = UInt8(ascii: "\r")
      line[17] = UInt8(ascii: "\n")
      return try body(UnsafeRawBufferPointer(rebasing: line[start..<18]))
    }
  }

  /// `value` as a path segment: every byte outside RFC 3986's unreserved set percent-encoded.
  static func pathSegment(_ value: String) -> String {
    var value = value
    // Over the contiguous bytes: a request id is checked on every invoke, and it is almost always a plain UUID.
    guard !value.withUTF8({ $0.allSatisfy(isUnreserved) }) else { return value }
    let hex = Array("0123456789ABCDEF".utf8)
    var encoded: [UInt8] = []
    encoded.reserveCapacity(value.utf8.count * 3)
    for byte in value.utf8 {
      if isUnreserved(byte) {
        encoded.append(byte)
      } else {
        encoded.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
      }
    }
    return String(decoding: encoded, as: UTF8.self)
  }

  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: "~"):
      true
    default: false
    }
  }

  /// Whether a field value may hold `byte`: not the control bytes RFC 9110 forbids (CR, LF and NUL above all);
  /// tab is allowed.
  private static func isFieldValueByte(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte != 0x7F || byte == UInt8(ascii: "\t")
  }
}
