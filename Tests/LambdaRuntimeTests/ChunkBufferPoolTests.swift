import NIOCore
import Testing

@testable import LambdaRuntime

@Suite("Chunk buffer reuse")
struct ChunkBufferPoolTests {
  private func address(_ buffer: ByteBuffer) -> UInt? {
    buffer.withUnsafeReadableBytes { $0.baseAddress.map { UInt(bitPattern: $0) } }
  }

  @Test func aReturnedBufferIsReusedEmptyWhenNothingElseHoldsIt() {
    let pool = ChunkBufferPool()
    var first = pool.take(capacity: 65_536)
    first.writeString("first chunk")
    let storage = address(first)
    pool.giveBack(first)
    first = ByteBuffer()
    var second = pool.take(capacity: 65_536)
    #expect(second.readableBytes == 0)
    second.writeString("x")
    #expect(address(second) == storage)
  }

  @Test func aBufferStillHeldElsewhereIsNeverShared() {
    let pool = ChunkBufferPool()
    var sent = pool.take(capacity: 1024)
    sent.writeString("still on its way")
    pool.giveBack(sent)
    var next = pool.take(capacity: 1024)
    next.writeString("next")
    #expect(String(buffer: sent) == "still on its way")
    #expect(address(next) != address(sent))
  }

  @Test func itKeepsNoMoreThanTheUnconfirmedLimit() {
    let pool = ChunkBufferPool()
    let size = ChunkBufferPool.retainedBytes / 2
    var held = (0..<3).map { _ in pool.take(capacity: size) }
    let capacity = held[0].capacity
    while let buffer = held.popLast() { pool.giveBack(buffer) }
    // Two fit the limit; the third is let go. (Addresses cannot tell: malloc may hand the third's memory out again.)
    #expect(capacity >= size)
    #expect(pool.keptBytes == (ChunkBufferPool.retainedBytes / capacity) * capacity)
    #expect(pool.keptBytes <= ChunkBufferPool.retainedBytes)
    _ = pool.take(capacity: size)
    #expect(pool.keptBytes == (ChunkBufferPool.retainedBytes / capacity - 1) * capacity)
  }

  @Test func anOutlandishSizeHintIsClampedInsteadOfTrapping() {
    let buffer = ChunkBufferPool().take(capacity: .max)
    #expect(buffer.capacity <= LambdaResponseWriter.maximumResponseBytes * 2)
  }
}
