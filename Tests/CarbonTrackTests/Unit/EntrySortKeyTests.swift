import Testing

@testable import CarbonTrack

@Suite struct EntrySortKeyTests {
  @Test func keysInTheSameMillisecondAreDistinct() {
    let time = Timestamp(millisecondsSinceEpoch: 1_764_177_885_123)
    let keys = Set((0..<1000).map { _ in EntrySortKey(time: time).description })
    #expect(keys.count == 1000)
    #expect(keys.allSatisfy { $0.hasPrefix("2025-11-26T17:24:45.123Z#") && $0.count == 33 })
  }

  @Test func stringOrderIsTimeOrder() {
    let early = EntrySortKey(time: Timestamp(millisecondsSinceEpoch: 999))
    let late = EntrySortKey(time: Timestamp(millisecondsSinceEpoch: 1000))
    #expect(early.description < late.description)
    #expect(EntrySortKey.lowerBound(late.time) <= late.description)
    #expect(late.description <= EntrySortKey.upperBound(late.time))
    #expect(early.description < EntrySortKey.lowerBound(late.time))
  }

  @Test func parsesOnlyCanonicalKeys() {
    let key = EntrySortKey(time: Timestamp(millisecondsSinceEpoch: 5))
    #expect(EntrySortKey(key.description) == key)
    #expect(EntrySortKey("2026-01-01T00:00:00.000Z#0000abcd") != nil)
    #expect(EntrySortKey("2026-01-01T00:00:00Z#0000abcd") == nil)
    #expect(EntrySortKey("2026-01-01T00:00:00.000Z#ABCDEF01") == nil)
    #expect(EntrySortKey("2026-01-01T00:00:00.000Z#abc") == nil)
    #expect(EntrySortKey("2026-01-01T00:00:00.000Z") == nil)
  }
}
