/// One put or delete in a BatchWriteItem.
public enum WriteRequest: Codable, Hashable, Sendable {
  /// Store this whole item.
  case put(Item)
  case delete(key: Item)

  private enum CodingKeys: String, CodingKey {
    case putRequest = "PutRequest"
    case deleteRequest = "DeleteRequest"
  }

  private enum PayloadKeys: String, CodingKey {
    case item = "Item"
    case key = "Key"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .put(let item):
      var payload = container.nestedContainer(keyedBy: PayloadKeys.self, forKey: .putRequest)
      try payload.encode(item, forKey: .item)
    case .delete(let key):
      var payload = container.nestedContainer(keyedBy: PayloadKeys.self, forKey: .deleteRequest)
      try payload.encode(key, forKey: .key)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if container.contains(.putRequest) {
      let payload = try container.nestedContainer(keyedBy: PayloadKeys.self, forKey: .putRequest)
      self = .put(try payload.decode(Item.self, forKey: .item))
    } else {
      let payload = try container.nestedContainer(keyedBy: PayloadKeys.self, forKey: .deleteRequest)
      self = .delete(key: try payload.decode(Item.self, forKey: .key))
    }
  }
}
