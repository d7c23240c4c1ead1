/// A partially built attribute value; containers share these references while encoding.
enum EncodedNode {
  case value(AttributeValue)
  case map(EncodedMap)
  case list(EncodedList)
  case encoder(AttributeEncoder)

  func resolve() throws -> AttributeValue? {
    switch self {
    case .value(let value): value
    case .map(let map): .m(try map.resolve())
    case .list(let list): .l(try list.resolve())
    case .encoder(let encoder): try encoder.resolve()
    }
  }
}

/// A map under construction.
final class EncodedMap {
  var entries: [String: EncodedNode] = [:]

  func resolve() throws -> [String: AttributeValue] {
    var result: [String: AttributeValue] = [:]
    result.reserveCapacity(entries.count)
    for (key, node) in entries {
      if let value = try node.resolve() { result[key] = value }
    }
    return result
  }
}

/// A list under construction.
final class EncodedList {
  var elements: [EncodedNode] = []

  func resolve() throws -> [AttributeValue] {
    try elements.map { try $0.resolve() ?? .l([]) }
  }
}
