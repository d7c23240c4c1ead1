import FuzzSupport

@testable import DynamoDB

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Every attribute decoded as each kind of field a model may declare, the way `DynamoDBDecoder` reads items into
/// the store's records; a failure must be a thrown error, never a trap.
enum AttributeDecoding {
  private struct Nested: Codable {
    var name: String?
    var count: Int?
    var tags: Set<String>?
    var children: [Nested]?
  }

  private static let decoders = [
    DynamoDBDecoder(), DynamoDBDecoder(dateDecodingStrategy: .secondsSince1970),
    DynamoDBDecoder(dateDecodingStrategy: .millisecondsSince1970),
  ]

  static func check(_ item: Item) {
    _ = try? DynamoDBDecoder().decode(Nested.self, from: item)
    for value in item.values {
      for decoder in decoders {
        _ = try? decoder.decode(Date.self, from: value)
      }
      checkScalars(value, DynamoDBDecoder())
      if let nested = try? DynamoDBDecoder().decode(Nested.self, from: value) {
        _ = try? DynamoDBEncoder().encode(nested)
      }
    }
  }

  private static func checkScalars(_ value: AttributeValue, _ decoder: DynamoDBDecoder) {
    _ = try? decoder.decode(Int.self, from: value)
    _ = try? decoder.decode(Int8.self, from: value)
    _ = try? decoder.decode(UInt64.self, from: value)
    _ = try? decoder.decode(Double.self, from: value)
    _ = try? decoder.decode(Float.self, from: value)
    _ = try? decoder.decode(Bool.self, from: value)
    _ = try? decoder.decode(String.self, from: value)
    _ = try? decoder.decode(Data.self, from: value)
    _ = try? decoder.decode(UUID.self, from: value)
    _ = try? decoder.decode(DynamoDBNumber.self, from: value)
    _ = try? decoder.decode([String].self, from: value)
    _ = try? decoder.decode(Set<Int>.self, from: value)
    _ = try? decoder.decode([String: Double].self, from: value)
    if let date = try? decoder.decode(Date.self, from: value) {
      _ = try? DynamoDBEncoder().encodeAttribute(date)
    }
  }
}
