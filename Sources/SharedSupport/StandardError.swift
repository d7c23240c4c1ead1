/// Unbuffered writes to file descriptor 2, one `write` call per line where the kernel allows.
package enum StandardError {
  package static func write(line bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
      guard var pointer = buffer.baseAddress else { return }
      var remaining = buffer.count
      while remaining > 0 {
        let written = systemWrite(2, pointer, remaining)
        if written < 0 {
          if errno == EINTR { continue }
          return
        }
        pointer += written
        remaining -= written
      }
    }
  }

  private static func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
      Darwin.write(fd, pointer, count)
    #elseif canImport(Musl)
      Musl.write(fd, pointer, count)
    #else
      Glibc.write(fd, pointer, count)
    #endif
  }
}
