import Foundation
import Testing

@testable import CarbonTrack

/// `SortedJSONEncoder` writes what `JSONEncoder` (`.sortedKeys`, `.withoutEscapingSlashes`) writes: the same bytes,
/// except that it escapes controls `JSONEncoder` leaves raw, which decode to the same text.
@Suite struct SortedJSONEncoderTests {
  private static func reference(_ value: some Encodable) throws -> [UInt8] {
    Array(try JSONCoding.encoder.encode(value))
  }

  private static func expectSameBytes(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let ours = try SortedJSONEncoder.encode(value)
    let theirs = try reference(value)
    #expect(
      String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self), sourceLocation: sourceLocation)
  }

  struct Shapes: Encodable {
    var text = "a/b \"q\" \\ é 𝄞"
    var flag = true
    var count = -42
    var big = UInt64.max
    var small = Int8.min
    var ratio = 0.1
    var whole = 100.0
    var single: Float = 0.1
    var missing: String? = nil
    var present: Int? = 7
    var list = [1.5, -0.0, 1e-7, 1e21]
    var nested = ["b": ["x": 1], "a": ["y": 2], "_": [:]]
    var empty: [String] = []
    var keyedByInt = [10: "ten", 9: "nine"]
    var date = Date(timeIntervalSinceReferenceDate: 12.5)
  }

  @Test func everyShapeIsWrittenByteForByteAsJSONEncoderWritesIt() throws {
    try Self.expectSameBytes(Shapes())
    try Self.expectSameBytes([Shapes(), Shapes()])
    try Self.expectSameBytes("top-level text")
    try Self.expectSameBytes(3.25)
    try Self.expectSameBytes([String: Int]())
  }

  @Test func keysSortByTheirUTF8Bytes() throws {
    let keys = ["a10", "a9", "B", "a", "_x", "é", "e", "Z", "aa", "a_b", "aB", "A", "E\u{301}", "1", "10", "2", ""]
    try Self.expectSameBytes(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }))
  }

  @Test func doublesAreSpelledAsJSONEncoderSpellsThem() throws {
    var generator = SystemRandomNumberGenerator()
    var values: [Double] = [
      0, -0.0, 1, 100, 0.1, 0.30000000000000004, 1e-7, 1e15, 1e16, 1e21, 1.5e300, .leastNonzeroMagnitude,
      .greatestFiniteMagnitude,
      .leastNormalMagnitude, 123_456_789_012_345_680, -2.5,
    ]
    values += (0..<2_000).map { _ in Double(bitPattern: generator.next()) }
    for _ in 0..<2_000 { values.append((Double.random(in: -1e6...1e6) * 1000).rounded() / 1000) }
    try Self.expectSameBytes(values.filter(\.isFinite))
    try Self.expectSameBytes(values.map(Float.init).filter(\.isFinite))
  }

  @Test func aKeyEncodedTwiceKeepsItsLaterValue() throws {
    struct Twice: Encodable {
      enum Key: CodingKey { case a, b }
      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(1, forKey: .b)
        try container.encode(2, forKey: .a)
        try container.encode(3, forKey: .b)
        var again = encoder.container(keyedBy: Key.self)
        try again.encode("last", forKey: .a)
      }
    }
    try Self.expectSameBytes(Twice())
    #expect(String(decoding: try SortedJSONEncoder.encode(Twice()), as: UTF8.self) == #"{"a":"last","b":3}"#)
  }

  @Test func nestedContainersAndSuperEncodersFillTheirPlaces() throws {
    struct Parent: Encodable {
      enum Key: CodingKey { case inner, list, base }
      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        var inner = container.nestedContainer(keyedBy: Key.self, forKey: .inner)
        try list.encode(1)
        var element = list.nestedContainer(keyedBy: Key.self)
        try element.encode(true, forKey: .base)
        try inner.encodeNil(forKey: .base)
        var base = container.superEncoder(forKey: .base).singleValueContainer()
        try base.encode("from the super encoder")
        _ = container.superEncoder()
      }
    }
    try Self.expectSameBytes(Parent())
  }

  @Test func profilesAndTheirStatisticsMatch() throws {
    let profile = UserProfile(
      userId: "u-1", email: "a@example.com", displayName: "Ada / \"Countess\"",
      createdAt: Timestamp(millisecondsSinceEpoch: 1_700_000_000_123),
      updatedAt: Timestamp(millisecondsSinceEpoch: 1_700_000_000_456), version: 3,
      statistics: UserStatistics(
        totalKgCO2e: 12.345, entryCount: 4, categoryTotals: ["transport": 10.5, "energy": 1.845, "food": 0],
        lastEntryAt: Timestamp(millisecondsSinceEpoch: 1_700_000_000_789)))
    try Self.expectSameBytes(profile)
    try Self.expectSameBytes([profile, profile])
  }

  @Test func controlsAreEscapedWhereJSONEncoderLeavesThemRawAndDecodeTheSame() throws {
    let text = "line\u{2028}sep \u{7F} \u{85} \u{202E}rtl \u{1} \u{1F} \t\n\r\u{8}\u{C}"
    let ours = try SortedJSONEncoder.encode(["text": text])
    #expect(!ours.contains(0xE2) && !ours.contains(0x7F) && !ours.contains(0xC2))
    #expect(try JSONDecoder().decode([String: String].self, from: Data(ours)) == ["text": text])
    #expect(
      try JSONDecoder().decode([String: String].self, from: Data(try Self.reference(["text": text]))) == ["text": text])
  }

  @Test func whatJSONEncoderWritesItsOwnWayIsLeftToIt() throws {
    let url = try #require(URL(string: "https://example.com/a"))
    #expect(throws: SortedJSONEncoder.Unsupported.self) { try SortedJSONEncoder.encode(["data": Data([1, 2])]) }
    #expect(throws: SortedJSONEncoder.Unsupported.self) { try SortedJSONEncoder.encode([url]) }
    #expect(throws: SortedJSONEncoder.Unsupported.self) { try SortedJSONEncoder.encode(Decimal(string: "1.5")) }
    #expect(throws: SortedJSONEncoder.Unsupported.self) { try SortedJSONEncoder.encode([Double.nan]) }
    // JSONCoding then hands them to JSONEncoder, which writes them its way or refuses them.
    #expect(try JSONCoding.encode(["data": Data([1, 2])]) == Array(#"{"data":"AQI="}"#.utf8))
    #expect(throws: CarbonTrackError.self) { try JSONCoding.encode([Double.infinity]) }
  }
}
