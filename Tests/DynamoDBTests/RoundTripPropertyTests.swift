import DynamoDBTestSupport
import Foundation
import Testing

@testable import DynamoDB

/// Property tests: random nested values survive Swift → item → wire JSON → item → Swift unchanged.
@Suite("Encoder/decoder round-trip properties")
struct RoundTripPropertyTests {
  struct Node: Codable, Equatable {
    var text: String
    var int: Int
    var int64: Int64
    var unsigned: UInt64
    var double: Double
    var flag: Bool
    var maybe: String?
    var maybeNumber: Int?
    var data: Data
    var id: UUID
    var at: Date
    var tags: Set<String>
    var numbers: Set<Int>
    var counts: [String: Int]
    var children: [Node]
    var matrix: [[Int8]]
  }

  static let seeds: [UInt64] = (1...200).map { UInt64($0) &* 0x5851_F42D_4C95_7F2D }

  @Test(arguments: seeds)
  func codableValuesRoundTripThroughTheWire(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    let node = Self.node(depth: 3, &random)
    let encoder = DynamoDBEncoder(dateEncodingStrategy: .millisecondsSince1970)
    let decoder = DynamoDBDecoder(dateDecodingStrategy: .millisecondsSince1970)
    let item = try encoder.encode(node)
    let wire = try JSONEncoder().encode(item)
    let back = try JSONDecoder().decode(Item.self, from: wire)
    #expect(back == item, "seed \(seed)")
    #expect(try decoder.decode(Node.self, from: back) == node, "seed \(seed)")
  }

  @Test(arguments: seeds.prefix(50))
  func attributeValuesRoundTripThroughJSON(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    let value = Self.attribute(depth: 4, &random)
    let decoded = try JSONDecoder().decode(AttributeValue.self, from: try JSONEncoder().encode(value))
    #expect(decoded == value, "seed \(seed)")
  }

  @Test(arguments: seeds.prefix(50))
  func isoDatesRoundTripToTheMillisecond(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    let date = Self.date(&random)
    let attribute = try DynamoDBEncoder().encodeAttribute(date)
    let back = try DynamoDBDecoder().decode(Date.self, from: attribute)
    #expect(abs(back.timeIntervalSince(date)) < 0.000_5, "seed \(seed): \(attribute)")
  }

  // MARK: generators

  static func node(depth: Int, _ random: inout SeededGenerator) -> Node {
    Node(
      text: string(&random), int: Int.random(in: .min ... .max, using: &random),
      int64: Int64.random(in: .min ... .max, using: &random), unsigned: UInt64.random(in: 0 ... .max, using: &random),
      double: double(&random), flag: Bool.random(using: &random),
      maybe: Bool.random(using: &random) ? string(&random) : nil,
      maybeNumber: Bool.random(using: &random) ? Int.random(in: -1000...1000, using: &random) : nil,
      data: Data((0..<Int.random(in: 0...12, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }),
      id: UUID(uuid: uuidBytes(&random)), at: date(&random),
      tags: Set((0..<Int.random(in: 0...4, using: &random)).map { _ in string(&random) }),
      numbers: Set(
        (0..<Int.random(in: 0...4, using: &random)).map { _ in Int.random(in: .min ... .max, using: &random) }),
      counts: Dictionary(
        (0..<Int.random(in: 0...3, using: &random)).map { _ in (string(&random), Int.random(in: -9...9, using: &random))
        },
        uniquingKeysWith: { first, _ in first }),
      children: depth == 0
        ? [] : (0..<Int.random(in: 0...2, using: &random)).map { _ in node(depth: depth - 1, &random) },
      matrix: (0..<Int.random(in: 0...2, using: &random)).map { _ in
        (0..<Int.random(in: 0...3, using: &random)).map { _ in Int8.random(in: .min ... .max, using: &random) }
      })
  }

  static func attribute(depth: Int, _ random: inout SeededGenerator) -> AttributeValue {
    let kind = Int.random(in: 0..<(depth == 0 ? 8 : 10), using: &random)
    switch kind {
    case 0: return .s(string(&random))
    case 1:
      return .n(
        String(Int64.random(in: .min ... .max, using: &random)) + "."
          + String(UInt32.random(in: 0 ... .max, using: &random)))
    case 2: return .b(Data((0..<5).map { _ in UInt8.random(in: 0...255, using: &random) }))
    case 3: return .ss([string(&random), string(&random) + "x"])
    case 4: return .ns(["1", "38" + String(repeating: "9", count: 36)])
    case 5: return .bs([Data([1, 2]), Data()])
    case 6: return .null
    case 7: return .bool(Bool.random(using: &random))
    case 8:
      return .l((0..<Int.random(in: 0...3, using: &random)).map { _ in attribute(depth: depth - 1, &random) })
    default:
      return .m(
        Dictionary(
          (0..<Int.random(in: 0...3, using: &random)).map { _ in (string(&random), attribute(depth: depth - 1, &random))
          },
          uniquingKeysWith: { first, _ in first }))
    }
  }

  /// Mixed ASCII, accented, CJK, emoji and JSON-special characters.
  static func string(_ random: inout SeededGenerator) -> String {
    let alphabet: [Character] = [
      "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "é", "ß", "中", "文", "😀", "👩‍💻", "\u{0}", "{", "}",
    ]
    return String((0..<Int.random(in: 0...10, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
  }

  static func double(_ random: inout SeededGenerator) -> Double {
    switch Int.random(in: 0..<4, using: &random) {
    case 0: return Double(Int.random(in: -1_000_000...1_000_000, using: &random))
    case 1: return Double.random(in: -1...1, using: &random)
    case 2: return Double.random(in: -1e300...1e300, using: &random)
    default:
      let extremes: [Double] = [.leastNonzeroMagnitude, .greatestFiniteMagnitude, -0.0, 1e-300, .ulpOfOne, -.pi]
      return extremes[Int.random(in: 0..<extremes.count, using: &random)]
    }
  }

  static func date(_ random: inout SeededGenerator) -> Date {
    Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_102_444_800_000, using: &random)) / 1000)
  }

  static func uuidBytes(_ random: inout SeededGenerator) -> uuid_t {
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    return (
      bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
      bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
    )
  }
}
