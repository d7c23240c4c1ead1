import Foundation
import Testing

@testable import DynamoDB

@Suite("DynamoDBEncoder / DynamoDBDecoder")
struct CodableItemTests {
  struct Address: Codable, Equatable {
    var street: String
    var zip: Int?
  }

  struct Person: Codable, Equatable {
    var id: UUID
    var name: String
    var age: Int
    var score: Double
    var nickname: String?
    var address: Address
    var tags: Set<String>
    var luckyNumbers: Set<Int>
    var history: [Address]
    var attributes: [String: Int]
    var avatar: Data
    var joined: Date
    var big: UInt64
    var exact: DynamoDBNumber
    var active: Bool
  }

  static let joined = Date(timeIntervalSince1970: 1_764_000_000.25)
  static let person = Person(
    id: UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!, name: "Ada", age: 36, score: 9.75, nickname: nil,
    address: Address(street: "1 Loop", zip: nil), tags: ["b", "a"], luckyNumbers: [7, 3],
    history: [Address(street: "Old", zip: 12345)], attributes: ["x": 1], avatar: Data([0, 1, 254]),
    joined: joined, big: UInt64.max, exact: DynamoDBNumber("98765432109876543210987654321098765432")!, active: true)

  @Test func encodesNestedValuesToTheExpectedAttributes() throws {
    let item = try DynamoDBEncoder().encode(Self.person)
    #expect(item["id"] == .s("E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
    #expect(item["age"] == .n("36"))
    #expect(item["score"] == .n("9.75"))
    #expect(item["nickname"] == nil, "nil optionals are omitted")
    #expect(item["address"] == .m(["street": .s("1 Loop")]))
    #expect(item["tags"] == .ss(["a", "b"]))
    #expect(item["luckyNumbers"] == .ns(["3", "7"]))
    #expect(item["history"] == .l([.m(["street": .s("Old"), "zip": .n("12345")])]))
    #expect(item["attributes"] == .m(["x": .n("1")]))
    #expect(item["avatar"] == .b(Data([0, 1, 254])))
    #expect(item["joined"] == .s("2025-11-24T16:00:00.250Z"))
    #expect(item["big"] == .n("18446744073709551615"))
    #expect(item["exact"] == .n("98765432109876543210987654321098765432"))
    #expect(item["active"] == .bool(true))
  }

  @Test func roundTripsThroughAnItem() throws {
    let item = try DynamoDBEncoder().encode(Self.person)
    #expect(try DynamoDBDecoder().decode(Person.self, from: item) == Self.person)
  }

  @Test func dateStrategiesAreConfigurable() throws {
    struct Stamp: Codable, Equatable { var at: Date }
    let stamp = Stamp(at: Date(timeIntervalSince1970: 1_700_000_000))
    let seconds = try DynamoDBEncoder(dateEncodingStrategy: .secondsSince1970).encode(stamp)
    #expect(seconds["at"] == .n("1700000000"))
    #expect(try DynamoDBDecoder(dateDecodingStrategy: .secondsSince1970).decode(Stamp.self, from: seconds) == stamp)
    let millis = try DynamoDBEncoder(dateEncodingStrategy: .millisecondsSince1970).encode(stamp)
    #expect(millis["at"] == .n("1700000000000"))
    #expect(try DynamoDBDecoder(dateDecodingStrategy: .millisecondsSince1970).decode(Stamp.self, from: millis) == stamp)
    let custom = DynamoDBEncoder(dateEncodingStrategy: .custom { _ in .s("fixed") })
    #expect(try custom.encode(stamp)["at"] == .s("fixed"))
    let early = try DynamoDBEncoder().encode(Stamp(at: Date(timeIntervalSince1970: -1.5)))
    #expect(early["at"] == .s("1969-12-31T23:59:58.500Z"))
    #expect(try DynamoDBDecoder().decode(Stamp.self, from: early).at.timeIntervalSince1970 == -1.5)
    let offset: Item = ["at": .s("2023-11-15T00:13:20+02:00")]
    #expect(try DynamoDBDecoder().decode(Stamp.self, from: offset) == stamp, "other ISO-8601 shapes still parse")
    let micro: Item = ["at": .s("2023-11-14T22:13:20.000250+00:00")]
    let decoded = try DynamoDBDecoder().decode(Stamp.self, from: micro).at.timeIntervalSince1970
    #expect(abs(decoded - 1_700_000_000.000_25) < 0.000_001, "sub-millisecond digits are kept")
    let plain: Item = ["at": .s("2023-11-14T22:13:20Z")]
    #expect(try DynamoDBDecoder().decode(Stamp.self, from: plain) == stamp, "ISO-8601 without fractions decodes too")
  }

  @Test func emptySetsAreOmittedAndReadBackEmpty() throws {
    struct Tagged: Codable, Equatable { var tags: Set<String> }
    let item = try DynamoDBEncoder().encode(Tagged(tags: []))
    #expect(item.isEmpty)
    #expect(try DynamoDBDecoder().decode(Tagged.self, from: item) == Tagged(tags: []))
  }

  @Test func exactIntegersNeverPassThroughDouble() throws {
    struct Numbers: Codable, Equatable {
      var max: Int64
      var min: Int64
      var unsigned: UInt64
    }
    let numbers = Numbers(max: .max, min: .min, unsigned: .max)
    let item = try DynamoDBEncoder().encode(numbers)
    #expect(item["max"] == .n("9223372036854775807"))
    #expect(item["min"] == .n("-9223372036854775808"))
    #expect(try DynamoDBDecoder().decode(Numbers.self, from: item) == numbers)
    #expect(try DynamoDBDecoder().decode(Int.self, from: .n("1E3")) == 1000)
  }

  @Test func rejectsNonFiniteNumbersNamingThePath() throws {
    struct Wrapper: Codable { var inner: [Double] }
    #expect(throws: DynamoDBCodingError.self) { try DynamoDBEncoder().encode(Wrapper(inner: [1, .nan])) }
    do {
      _ = try DynamoDBEncoder().encode(Wrapper(inner: [1, .infinity]))
    } catch let error as DynamoDBCodingError {
      guard case .unsupportedValue(let path, _) = error else { Issue.record("wrong case \(error)"); return }
      #expect(path == "inner[1]")
    }
  }

  @Test func topLevelScalarsAreNotItems() throws {
    #expect(throws: DynamoDBCodingError.self) { try DynamoDBEncoder().encode(5) }
    #expect(try DynamoDBEncoder().encodeAttribute(5) == .n("5"))
  }

  @Test func decodingErrorsNameTheAttributePathAndExpectation() throws {
    let item: Item = [
      "id": .s("E621E1F8-C36C-495A-93FC-0C247A3E6E5F"), "name": .s("Ada"), "age": .n("36"), "score": .n("1"),
      "address": .m(["street": .s("x")]), "tags": .ss(["a"]), "luckyNumbers": .ns(["1"]),
      "history": .l([.m(["street": .n("5")])]), "attributes": .m([:]), "avatar": .b(Data()),
      "joined": .s("2025-11-24T16:00:00Z"), "big": .n("1"), "exact": .n("1"), "active": .bool(true),
    ]
    let error = #expect(throws: DynamoDBCodingError.self) { try DynamoDBDecoder().decode(Person.self, from: item) }
    #expect(error == .typeMismatch(path: "history[0].street", expected: "S (string)", found: "N"))
    #expect(error?.description == "Attribute 'history[0].street': expected S (string) but found N")

    var missing = item
    missing["history"] = .l([])
    missing["name"] = nil
    let missingError = #expect(throws: DynamoDBCodingError.self) {
      try DynamoDBDecoder().decode(Person.self, from: missing)
    }
    #expect(missingError == .missingAttribute(path: "name", expected: "S"))

    let overflow = #expect(throws: DynamoDBCodingError.self) {
      try DynamoDBDecoder().decode(Int8.self, from: .n("300"))
    }
    #expect(overflow == .invalidValue(path: "<item>", reason: "'300' is not a whole number that fits in Int8"))
  }

  @Test func enumsAndOptionalNullsDecode() throws {
    enum Mode: String, Codable { case car, bike }
    struct Trip: Codable, Equatable {
      var mode: Mode
      var note: String?
    }
    let item = try DynamoDBEncoder().encode(Trip(mode: .bike, note: "x"))
    #expect(item == ["mode": .s("bike"), "note": .s("x")])
    #expect(try DynamoDBDecoder().decode(Trip.self, from: ["mode": .s("car"), "note": .null]) == Trip(mode: .car))
  }

  @Test func attributeValuesPassThroughUnchanged() throws {
    struct Raw: Codable, Equatable { var raw: AttributeValue }
    let item = try DynamoDBEncoder().encode(Raw(raw: .ns(["1"])))
    #expect(item == ["raw": .ns(["1"])])
    #expect(try DynamoDBDecoder().decode(Raw.self, from: item) == Raw(raw: .ns(["1"])))
  }

  @Test func uuidsAreUppercaseTextAndInvalidTextIsRejectedWithItsPath() throws {
    struct Tagged: Codable, Equatable { var id: UUID }
    let id = try #require(UUID(uuidString: "0b5e2a4c-9d51-4c1b-8e07-6f3a2b1c9d80"))
    let item = try DynamoDBEncoder().encode(Tagged(id: id))
    #expect(item == ["id": .s("0B5E2A4C-9D51-4C1B-8E07-6F3A2B1C9D80")])
    #expect(
      try DynamoDBDecoder().decode(Tagged.self, from: ["id": .s("0b5e2a4c-9d51-4c1b-8e07-6f3a2b1c9d80")]).id == id)
    let error = #expect(throws: DecodingError.self) {
      try DynamoDBDecoder().decode(Tagged.self, from: ["id": .s("not-a-uuid")])
    }
    guard case .dataCorrupted(let context) = error else { return }
    #expect(context.codingPath.map(\.stringValue) == ["id"])
    let mismatch = #expect(throws: DynamoDBCodingError.self) {
      try DynamoDBDecoder().decode(Tagged.self, from: ["id": .n("1")])
    }
    #expect(mismatch == .typeMismatch(path: "id", expected: "S (string)", found: "N"))
  }
}

@Suite("UUIDs in items")
struct UUIDItemTests {
  @Test(arguments: [
    "", "0B5E2A4C9D514C1B8E076F3A2B1C9D80", "0B5E2A4C-9D51-4C1B-8E07-6F3A2B1C9D8",
    "0B5E2A4C-9D51-4C1B-8E07-6F3A2B1C9D800", "0B5E2A4C-9D51-4C1B-8E07_6F3A2B1C9D80",
    "0B5E2A4C-9D51-4C1B-8E07-6F3A2B1C9DG0", "0B5E2A4C-9D51-4C1B-8E0-76F3A2B1C9D80",
  ])
  func rejectsAnythingButDashedHex(_ text: String) {
    struct Identified: Codable {
      var id: UUID
    }
    #expect(throws: DecodingError.self) { try DynamoDBDecoder().decode(Identified.self, from: ["id": .s(text)]) }
  }

  @Test func itemsCarryUUIDsAsTheirText() throws {
    struct Tagged: Codable, Equatable {
      var id: UUID
      var related: Set<UUID>
    }
    let value = Tagged(id: UUID(), related: [UUID(), UUID()])
    let item = try DynamoDBEncoder().encode(value)
    #expect(item["id"] == .s(value.id.uuidString))
    #expect(item["related"] == .ss(value.related.map(\.uuidString).sorted()))
    #expect(try DynamoDBDecoder().decode(Tagged.self, from: item) == value)
    let lowercased = ["id": AttributeValue.s(value.id.uuidString.lowercased()), "related": .ss([])]
    #expect(try DynamoDBDecoder().decode(Tagged.self, from: lowercased).id == value.id)
  }
}
