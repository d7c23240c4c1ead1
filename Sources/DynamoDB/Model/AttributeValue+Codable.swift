#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The wire shape: an object with exactly one key naming the type.
extension AttributeValue: Codable {
  private enum WireKey: String, CodingKey {
    case s = "S"
    case n = "N"
    case b = "B"
    case ss = "SS"
    case ns = "NS"
    case bs = "BS"
    case m = "M"
    case l = "L"
    case null = "NULL"
    case bool = "BOOL"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: WireKey.self)
    switch self {
    case .s(let value): try container.encode(value, forKey: .s)
    case .n(let value): try container.encode(value, forKey: .n)
    case .b(let value): try container.encode(value.base64EncodedString(), forKey: .b)
    case .ss(let value): try container.encode(value, forKey: .ss)
    case .ns(let value): try container.encode(value, forKey: .ns)
    case .bs(let value): try container.encode(value.map { $0.base64EncodedString() }, forKey: .bs)
    case .m(let value): try container.encode(value, forKey: .m)
    case .l(let value): try container.encode(value, forKey: .l)
    case .null: try container.encode(true, forKey: .null)
    case .bool(let value): try container.encode(value, forKey: .bool)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: WireKey.self)
    guard let key = container.allKeys.first, container.allKeys.count == 1 else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "An AttributeValue must have exactly one type key"))
    }
    switch key {
    case .s: self = .s(try container.decode(String.self, forKey: key))
    case .n: self = .n(try container.decode(String.self, forKey: key))
    case .b: self = .b(try Self.base64(try container.decode(String.self, forKey: key), decoder))
    case .ss: self = .ss(try container.decode([String].self, forKey: key))
    case .ns: self = .ns(try container.decode([String].self, forKey: key))
    case .bs: self = .bs(try container.decode([String].self, forKey: key).map { try Self.base64($0, decoder) })
    case .m: self = .m(try container.decode([String: AttributeValue].self, forKey: key))
    case .l: self = .l(try container.decode([AttributeValue].self, forKey: key))
    case .null: self = .null
    case .bool: self = .bool(try container.decode(Bool.self, forKey: key))
    }
  }

  private static func base64(_ text: String, _ decoder: any Decoder) throws -> Data {
    guard let data = Data(base64Encoded: text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Invalid base64"))
    }
    return data
  }
}
