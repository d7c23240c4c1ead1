import Foundation
import Testing

@testable import DynamoDB

/// Regression for a crash FuzzItemJSON (Tests/Fuzz) found: the reader recursed once per nesting level without a
/// limit, so a response of ~40,000 nested lists overflowed the stack and killed the process.
@Suite("ItemJSONReader nesting limit")
struct ItemJSONReaderNestingTests {
  /// `{"Item":{"a":…}}` with `depth` maps and lists, alternating, around a `NULL`.
  static func nestedBody(depth: Int) -> [UInt8] {
    var open = ""
    var close = ""
    for level in 0..<depth {
      if level.isMultiple(of: 2) {
        open += #"{"L":["#
        close = "]}" + close
      } else {
        open += #"{"M":{"k":"#
        close = "}}" + close
      }
    }
    return Array((#"{"Item":{"a":"# + open + #"{"NULL":true}"# + close + "}}").utf8)
  }

  @Test func readsThirtyTwoLevelsAsJSONDecoderDoes() throws {
    let body = Self.nestedBody(depth: ItemJSONReader.maxNesting)
    let direct = try #require(GetItemOutput.read(body))
    let viaCodable = try JSONDecoder().decode(GetItemOutput.self, from: Data(body))
    #expect(direct.item == viaCodable.item)
  }

  @Test func leavesDeeperItemsToJSONDecoder() throws {
    let body = Self.nestedBody(depth: ItemJSONReader.maxNesting + 1)
    #expect(GetItemOutput.read(body) == nil)
    #expect(try JSONDecoder().decode(GetItemOutput.self, from: Data(body)).item != nil)
  }

  @Test func givesUpOnNestingDeeperThanAnyStackInsteadOfCrashing() {
    let body = Self.nestedBody(depth: 200_000)
    #expect(GetItemOutput.read(body) == nil)
  }
}
