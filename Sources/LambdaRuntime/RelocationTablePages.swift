import SharedSupport

/// The executable's table of load-time relocations (`DT_RELA`, `.rela.dyn`): 1.5 MB in `bootstrap`, about a tenth
/// of its resident memory, because every position-independent pointer in Swift's metadata and BoringSSL's tables
/// has an entry. The dynamic loader reads it once, before `main`, and nothing reads it again: lazy PLT binding has
/// a table of its own (`DT_JMPREL`), which stays. The pages are clean and file-backed, so dropping them from the
/// process with `MADV_DONTNEED` loses nothing: a later read would fault them back in from the file.
enum RelocationTablePages {
  /// Drops the pages that hold only the table. Does nothing when the process has no such table or its layout is
  /// not the one expected (no program headers in the auxiliary vector, the table outside an unwritable segment).
  static func release() {
    #if canImport(Glibc)
      guard let pages = wholePages() else { return }
      _ = madvise(UnsafeMutableRawPointer(bitPattern: pages.lowerBound), Int(pages.count), MADV_DONTNEED)
    #endif
  }

  #if canImport(Glibc)
    /// The whole pages the table covers, which hold nothing else.
    static func wholePages() -> Range<UInt>? {
      guard let table = locate()?.table else { return nil }
      let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))
      let start = (table.lowerBound &+ pageSize &- 1) / pageSize &* pageSize
      let end = table.upperBound / pageSize &* pageSize
      return start < end ? start..<end : nil
    }

    /// Where the table lies in memory, and the load bias (where the executable was placed, less where its headers
    /// say it sits), found from the executable's own program headers and dynamic section.
    static func locate() -> (table: Range<UInt>, bias: UInt)? {
      guard let auxiliary = AuxiliaryVector.read(),
        let headersAddress = auxiliary[UInt64(AT_PHDR)], let headerCount = auxiliary[UInt64(AT_PHNUM)],
        headerCount > 0, headerCount < 256,
        let first = UnsafePointer<Elf64_Phdr>(bitPattern: UInt(headersAddress))
      else { return nil }
      let headers = UnsafeBufferPointer(start: first, count: Int(headerCount))
      guard let own = headers.first(where: { $0.p_type == PT_PHDR }),
        let dynamic = headers.first(where: { $0.p_type == PT_DYNAMIC })
      else { return nil }
      let bias = UInt(headersAddress) &- UInt(own.p_vaddr)
      guard let entries = dynamicEntries(at: bias &+ UInt(dynamic.p_vaddr), bytes: UInt(dynamic.p_memsz)),
        let address = entries.address, let size = entries.size, size > 0
      else { return nil }
      // glibc rewrites the address to an absolute one in place where .dynamic is writable (x86_64, aarch64) and
      // leaves it relative to the bias elsewhere; a bias is always above any address inside the file's image.
      let start = address >= bias ? address : bias &+ address
      let (end, overflow) = start.addingReportingOverflow(size)
      guard !overflow else { return nil }
      let insideUnwritableSegment = headers.contains { header in
        guard header.p_type == PT_LOAD, header.p_flags & UInt32(PF_W) == 0 else { return false }
        let segmentStart = bias &+ UInt(header.p_vaddr)
        return segmentStart <= start && end <= segmentStart &+ UInt(header.p_memsz)
      }
      return insideUnwritableSegment ? (start..<end, bias) : nil
    }

    private static func dynamicEntries(at address: UInt, bytes: UInt) -> (address: UInt?, size: UInt?)? {
      guard let first = UnsafePointer<Elf64_Dyn>(bitPattern: address) else { return nil }
      let entries = UnsafeBufferPointer(start: first, count: Int(bytes) / MemoryLayout<Elf64_Dyn>.stride)
      var found: (address: UInt?, size: UInt?) = (nil, nil)
      for entry in entries {
        switch entry.d_tag {
        case Int64(DT_NULL): return found
        case Int64(DT_RELA): found.address = UInt(entry.d_un.d_ptr)
        case Int64(DT_RELASZ): found.size = UInt(entry.d_un.d_val)
        default: continue
        }
      }
      return found
    }
  #endif
}
