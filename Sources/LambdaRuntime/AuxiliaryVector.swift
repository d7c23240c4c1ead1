import SharedSupport

#if canImport(Glibc)
  /// The kernel's auxiliary vector for this process, from `/proc/self/auxv` (Swift's Glibc module has no
  /// `getauxval`): pairs of 64-bit type and value, ending with `AT_NULL`.
  enum AuxiliaryVector {
    static func read() -> [UInt64: UInt64]? {
      let descriptor = open("/proc/self/auxv", O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { return nil }
      defer { close(descriptor) }
      var words = [UInt64](repeating: 0, count: 512)
      var filled = 0
      let capacity = words.count * MemoryLayout<UInt64>.size
      while filled < capacity {
        let count = words.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, capacity - filled) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        filled += count
      }
      var vector: [UInt64: UInt64] = [:]
      for pair in stride(from: 0, to: filled / 16 * 2, by: 2) where words[pair] != UInt64(AT_NULL) {
        vector[words[pair]] = words[pair + 1]
      }
      return vector
    }
  }
#endif
