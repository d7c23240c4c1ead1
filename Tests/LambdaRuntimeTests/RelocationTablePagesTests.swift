import SharedSupport
import Testing

@testable import LambdaRuntime

#if canImport(Glibc)

  /// Runs on the test process itself, a position-independent executable with a large relocation table of its own.
  @Suite("Relocation table pages", .serialized)
  struct RelocationTablePagesTests {
    private struct Relocation {
      let offset: UInt
      let type: UInt64
      let addend: UInt
    }

    private func relocations(in table: Range<UInt>) -> [Relocation] {
      let raw = UnsafeRawPointer(bitPattern: table.lowerBound)!
      return stride(from: 0, to: table.count - 23, by: 24).map { offset in
        Relocation(
          offset: UInt(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
          type: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self) & 0xFFFF_FFFF,
          addend: UInt(bitPattern: Int(raw.loadUnaligned(fromByteOffset: offset + 16, as: Int64.self))))
      }
    }

    /// Pages of `range` mapped into this process now, from /proc/self/pagemap (bit 63: present).
    private func residentPages(_ range: Range<UInt>) throws -> Int {
      let descriptor = open("/proc/self/pagemap", O_RDONLY)
      try #require(descriptor >= 0)
      defer { close(descriptor) }
      let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))
      var entries = [UInt64](repeating: 0, count: range.count / Int(pageSize))
      let wanted = entries.count * 8
      let count = entries.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress, wanted, off_t(range.lowerBound / pageSize * 8))
      }
      try #require(count == wanted)
      return entries.filter { $0 >> 63 == 1 }.count
    }

    private func checksum(_ range: Range<UInt>) -> UInt64 {
      let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: range.lowerBound), count: range.count)
      return bytes.reduce(into: UInt64(14_695_981_039_346_656_037)) { $0 = ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }

    @Test func theTableFoundIsTheOneTheLoaderApplied() throws {
      let located = try #require(RelocationTablePages.locate())
      #expect(located.table.count % 24 == 0)
      #if arch(x86_64)
        let relative: UInt64 = 8  // R_X86_64_RELATIVE
      #else
        let relative: UInt64 = 1027  // R_AARCH64_RELATIVE
      #endif
      // Each relative entry told the loader to store bias + addend at bias + offset. Most targets are never written
      // again (relocated read-only data), so finding those values there shows the table and the bias are right.
      let relativeEntries = relocations(in: located.table).filter { $0.type == relative }.prefix(2000)
      try #require(relativeEntries.count > 100)
      let applied = relativeEntries.filter { entry in
        let target = UnsafeRawPointer(bitPattern: located.bias &+ entry.offset)!
        return target.loadUnaligned(as: UInt.self) == located.bias &+ entry.addend
      }
      #expect(applied.count * 10 >= relativeEntries.count * 9, "\(applied.count) of \(relativeEntries.count) applied")
    }

    @Test func releasingUnmapsTheTablesPagesAndKeepsItsBytes() throws {
      let pages = try #require(RelocationTablePages.wholePages())
      let table = try #require(RelocationTablePages.locate()?.table)
      #expect(table.lowerBound <= pages.lowerBound && pages.upperBound <= table.upperBound)
      let before = checksum(pages)
      #expect(try residentPages(pages) == pages.count / sysconf(Int32(_SC_PAGESIZE)))
      RelocationTablePages.release()
      #expect(try residentPages(pages) == 0)
      #expect(checksum(pages) == before)
    }
  }
#endif
