import NIOCore

/// The bytes of a Runtime API request head and of a chunked body's framing.
///
/// Written by hand because the runtime knows every field it sends. The values that come from outside (a request id
/// from `/next`, an error type, the caller's `User-Agent`) pass through `pathSegment` and `fieldValue`, so none of
/// them can end a line or bend the path.
enum RuntimeAPIRequestHead {
  /// `method path HTTP/1.1`, `Host`, `User-Agent`, then `fields`, then the empty line.
  static func bytes(
    method: String, path: String, host: String, userAgent: String, fields: [(String, String)]
  ) -> ByteBuffer {
    var head = ByteBuffer()
    head.reserveCapacity(path.utf8.count + userAgent.utf8.count + host.utf8.count + 64 + fields.count * 48)
    head.writeString(method)
    head.writeStaticString(" ")
    head.writeString(path)
    head.writeStaticString(" HTTP/1.1\r\nHost: ")
    head.writeBytes(fieldValue(host))
    head.writeStaticString("\r\nUser-Agent: ")
    head.writeBytes(fieldValue(userAgent))
    head.writeStaticString("\r\n")
    writeFields(fields, to: &head)
    head.writeStaticString("\r\n")
    return head
  }

  /// `name: value` lines, each ended by CRLF; names are the runtime's own constants.
  static func writeFields(_ fields: [(String, String)], to buffer: inout ByteBuffer) {
    for (name, value) in fields {
      buffer.writeString(name)
      buffer.writeStaticString(": ")
      buffer.writeBytes(fieldValue(value))
      buffer.writeStaticString("\r\n")
    }
  }

  /// The line before a chunk of `size` bytes: its size in hexadecimal.
  static func chunkSizeLine(_ size: Int) -> ByteBuffer {
    var line = ByteBuffer()
    line.writeString(String(size, radix: 16))
    line.writeStaticString("\r\n")
    return line
  }

  /// `value` as a path segment: every byte outside RFC 3986's unreserved set percent-encoded.
  static func pathSegment(_ value: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var encoded: [UInt8] = []
    encoded.reserveCapacity(value.utf8.count)
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        encoded.append(byte)
      default:
        encoded.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
      }
    }
    return String(decoding: encoded, as: UTF8.self)
  }

  /// `value` without the control bytes a field value may not hold (RFC 9110: CR, LF and NUL above all); tab stays.
  static func fieldValue(_ value: String) -> some Collection<UInt8> {
    value.utf8.lazy.filter { $0 >= 0x20 && $0 != 0x7F || $0 == UInt8(ascii: "\t") }
  }
}
