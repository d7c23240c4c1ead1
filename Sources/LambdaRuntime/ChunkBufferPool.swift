import NIOCore
import Synchronization

/// Buffers that carried streamed chunks, kept for the next invocations' chunks once the connection has written them.
///
/// A streamed write copies its bytes into a buffer. Fresh 64 KiB buffers cost a page fault per 4 KiB touched, every
/// invocation, because glibc returns a heap top over 128 KiB to the kernel once the last invocation's chunks are
/// freed. Reusing up to `retainedBytes` of them keeps those pages (docs/PERFORMANCE.md, "Streamed against buffered").
final class ChunkBufferPool: Sendable {
  /// The most buffer capacity kept between chunks: the bytes a writer may have in flight anyway.
  static let retainedBytes = LambdaResponseWriter.unconfirmedLimit

  private let spares = Mutex<(buffers: [ByteBuffer], bytes: Int)>(([], 0))
  private let allocator = ByteBufferAllocator()

  /// The capacity kept for later chunks.
  var keptBytes: Int { spares.withLock { $0.bytes } }

  /// An empty buffer with room for about `capacity` bytes: the most recently returned one, or a new one.
  func take(capacity: Int) -> ByteBuffer {
    // A hint only (a sequence's underestimated count); anything past the response limit is refused anyway.
    let capacity = min(max(capacity, 0), LambdaResponseWriter.maximumResponseBytes)
    // Bound straight from the lock's result: a second copy alive here would make `clear` allocate.
    guard
      var buffer = spares.withLock({ spares -> ByteBuffer? in
        guard let buffer = spares.buffers.popLast() else { return nil }
        spares.bytes -= buffer.capacity
        return buffer
      })
    else { return allocator.buffer(capacity: capacity) }
    // Reuses the storage when the connection has let go of it, and allocates anew (never shares) when not.
    buffer.clear(minimumCapacity: capacity)
    return buffer
  }

  /// Keeps `buffer` for a later chunk once its bytes are written, unless that would pass `retainedBytes`.
  func giveBack(_ buffer: ByteBuffer) {
    spares.withLock { spares in
      guard spares.bytes + buffer.capacity <= Self.retainedBytes else { return }
      spares.buffers.append(buffer)
      spares.bytes += buffer.capacity
    }
  }
}
