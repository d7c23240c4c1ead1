#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Any JSON value; decoding output into it proves the output is JSON.
public indirect enum JSONShape: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONShape])
  case object([String: JSONShape])

  public init(from decoder: any Decoder) throws {
    if var list = try? decoder.unkeyedContainer() {
      var elements: [JSONShape] = []
      while !list.isAtEnd { elements.append(try list.decode(JSONShape.self)) }
      self = .array(elements)
    } else if let map = try? decoder.container(keyedBy: AnyKey.self) {
      var members: [String: JSONShape] = [:]
      for key in map.allKeys { members[key.stringValue] = try map.decode(JSONShape.self, forKey: key) }
      self = .object(members)
    } else {
      let value = try decoder.singleValueContainer()
      if value.decodeNil() {
        self = .null
      } else if let flag = try? value.decode(Bool.self) {
        self = .bool(flag)
      } else if let number = try? value.decode(Double.self) {
        self = .number(number)
      } else {
        self = .string(try value.decode(String.self))
      }
    }
  }

  /// The value `bytes` hold, or nil when they are not one JSON document.
  public static func parse(_ bytes: [UInt8]) -> JSONShape? {
    try? JSONDecoder().decode(JSONShape.self, from: Data(bytes))
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
